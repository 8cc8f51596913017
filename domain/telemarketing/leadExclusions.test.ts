import { describe, expect, it } from 'vitest';
import { leadExclusions, type LeadCandidate } from './leadExclusions.js';
import type { CallCampaign } from './CallCampaign.js';
import type { TelemarketingLead } from './TelemarketingLead.js';

const petitionLeads: CallCampaign = { id: 'skov-leads', name: 'Skov: nye leads', priority: 1, recontactAfterMonths: 12, active: true, petitionIds: [], leadsFrom: '2026-01-01', team: 'fundraising', updatedAt: '2026-01-01T00:00:00Z' };
const winback: CallCampaign = { id: 'winback', name: 'Winback', priority: 5, recontactAfterMonths: 6, active: true, petitionIds: [], leadsFrom: '2026-01-01', team: 'fundraising', updatedAt: '2026-01-01T00:00:00Z' };
const campaigns = new Map([petitionLeads, winback].map((campaign) => [campaign.id, campaign]));
const callable: LeadCandidate = { phoneConsent: true, phoneOk: true, stopListedForTelemarketing: false, leads: [] };
const lead = (campaignId: string, handedOverAt: string, status: TelemarketingLead['status'] = 'closed'): TelemarketingLead => ({ id: `${campaignId}-p`, personId: 'p', campaignId, vendor: 'TMPO', channel: 'sftp-file', handedOverAt, status });

describe('leadExclusions', () => {
  it('[Leadflow] a washed number with phone consent, not on the stop list and never called may go to TM', () => {
    expect(leadExclusions(callable, petitionLeads, campaigns, '2026-11-25')).toEqual([]);
  });

  it('[Leadflow][StopList] no phone consent, a number that is not OK and the stop list for calls each keep a person out, all named', () => {
    expect(leadExclusions({ ...callable, phoneConsent: false, phoneOk: false, stopListedForTelemarketing: true }, petitionLeads, campaigns, '2026-11-25')).toEqual(['no-phone-consent', 'phone-not-ok', 'stop-list']);
  });

  it('[Leadflow] someone handed to TM within the last 12 months (Danish dates) is left out; a day past the window they may go again', () => {
    expect(leadExclusions({ ...callable, leads: [lead('winback', '2025-11-25T23:30:00Z')] }, petitionLeads, campaigns, '2026-11-25')).toEqual(['called-within-window']);
    expect(leadExclusions({ ...callable, leads: [lead('winback', '2025-11-24T22:30:00Z')] }, petitionLeads, campaigns, '2026-11-25')).toEqual([]);
  });

  it('[Dialer3] an open lead in a campaign of higher priority keeps a person out of a lower one, not the other way round', () => {
    const openWinback = { ...callable, leads: [lead('winback', '2020-01-01T10:00:00Z', 'open')] };
    expect(leadExclusions(openWinback, petitionLeads, campaigns, '2026-11-25')).toEqual(['open-in-higher-priority']);
    const openPetition = { ...callable, leads: [lead('skov-leads', '2020-01-01T10:00:00Z', 'open')] };
    expect(leadExclusions(openPetition, winback, campaigns, '2026-11-25')).toEqual([]);
  });

  it('[Dialer3] an open lead of a campaign that has ended holds nobody back', () => {
    const ended = new Map([...campaigns, ['winback', { ...winback, active: false }]]);
    expect(leadExclusions({ ...callable, leads: [lead('winback', '2020-01-01T10:00:00Z', 'open')] }, petitionLeads, ended, '2026-11-25')).toEqual([]);
  });

  it('[Dialer3] an open lead in a lower campaign gives way to a higher one, within the window or not; a closed one still counts', () => {
    const openPetition = { ...callable, leads: [lead('skov-leads', '2026-11-20T10:00:00Z', 'open')] };
    expect(leadExclusions(openPetition, winback, campaigns, '2026-11-25')).toEqual([]);
    const closedPetition = { ...callable, leads: [lead('skov-leads', '2026-11-20T10:00:00Z', 'closed')] };
    expect(leadExclusions(closedPetition, winback, campaigns, '2026-11-25')).toEqual(['called-within-window']);
  });
});
