import { describe, expect, it } from 'vitest';
import type { Person } from '../person/Person.js';
import { matchesCriteria } from './matchesCriteria.js';
import type { SegmentFacts } from './SegmentDefinition.js';

const person: Person = {
  id: 'p-1',
  firstName: 'Anna',
  lastName: 'Holm',
  emails: ['anna@example.dk'],
  phones: {},
  rejectedPhones: [],
  address: { line1: 'Vestergade 1', postalCode: '8000', city: 'Aarhus C', countryCode: 'DK' },
  campaignCode: 'WEB-KLIMA',
  supporterKind: 'regular_supporter',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const facts: SegmentFacts = {
  signatures: [{ petitionId: 'skov-2026', signedAt: '2026-03-31T22:30:00Z', campaignCode: 'SKOV2026' }],
  lastDonation: { paymentDate: '2026-05-01', amountOre: 20_000 },
  dunningGroups: ['group-2'],
  consentGranted: (channel) => channel === 'email',
  leads: [],
  today: '2026-11-25',
};
const municipalities = new Map([['8000', 'Aarhus']]);
const matches = (criteria: Parameters<typeof matchesCriteria>[2]) => matchesCriteria(person, facts, criteria, municipalities);

describe('matchesCriteria', () => {
  it('[CampaignAutomation1] each criterion holds or not on its own; a petition date is the Danish day it was signed', () => {
    expect(matches({ petitions: [{ petitionId: 'skov-2026', signedFrom: '2026-04-01' }] })).toBe(true);
    expect(matches({ petitions: [{ petitionId: 'skov-2026', signedTo: '2026-03-31' }] })).toBe(false);
    expect(matches({ campaignCodes: ['SKOV2026'] })).toBe(true);
    expect(matches({ campaignCodes: ['WEB-KLIMA'] })).toBe(true);
    expect(matches({ campaignCodes: ['HAV'] })).toBe(false);
    expect(matches({ supporterKinds: ['regular_supporter'] })).toBe(true);
    expect(matches({ supporterKinds: ['member'] })).toBe(false);
    expect(matches({ consent: { channel: 'email' } })).toBe(true);
    expect(matches({ consent: { channel: 'sms' } })).toBe(false);
    expect(matches({ lastDonation: { from: '2026-04-01', minAmountOre: 10_000 } })).toBe(true);
    expect(matches({ lastDonation: { maxAmountOre: 10_000 } })).toBe(false);
    expect(matches({ lastDonation: { none: true } })).toBe(false);
    expect(matches({ dunningGroups: ['group-1', 'group-2'] })).toBe(true);
    expect(matches({ postcodes: ['8000'] })).toBe(true);
    expect(matches({ municipalities: ['aarhus'] })).toBe(true);
    expect(matches({ municipalities: ['Odense'] })).toBe(false);
  });

  it('[CampaignAutomation1] every criterion given must hold', () => {
    expect(matches({ postcodes: ['8000'], supporterKinds: ['regular_supporter'], consent: { channel: 'email' } })).toBe(true);
    expect(matches({ postcodes: ['8000'], supporterKinds: ['member'] })).toBe(false);
  });

  it('[OnlineFundraising6] not reached in a campaign: its calls ended unanswered, or the campaign ended with the lead still open', () => {
    const lead = (status: 'open' | 'closed', outcome: string | undefined, campaignActive: boolean) => ({ campaignId: 'winback', handedOverAt: '2026-10-01T10:00:00Z', status, ...(outcome && { outcome }), campaignActive });
    const notReached = (leads: SegmentFacts['leads']) => matchesCriteria(person, { ...facts, leads }, { telemarketing: { notReachedIn: 'winback' } }, municipalities);
    expect(notReached([lead('closed', 'max-attempts', true)])).toBe(true);
    expect(notReached([lead('open', undefined, false)])).toBe(true);
    expect(notReached([lead('open', undefined, true)])).toBe(false);
    expect(notReached([lead('closed', 'yes', false)])).toBe(false);
    expect(notReached([])).toBe(false);
  });

  it('[Leadflow][Dialer1] not handed to TM within N months, counted back from the Danish day', () => {
    const handedOver = (at: string) => ({ ...facts, leads: [{ campaignId: 'skov', handedOverAt: at, status: 'closed' as const, campaignActive: true }] });
    const criteria = { telemarketing: { notHandedOverWithinMonths: 12 } };
    expect(matchesCriteria(person, handedOver('2025-11-25T23:30:00Z'), criteria, municipalities)).toBe(false);
    expect(matchesCriteria(person, handedOver('2025-11-24T22:30:00Z'), criteria, municipalities)).toBe(true);
    expect(matchesCriteria(person, facts, criteria, municipalities)).toBe(true);
  });
});
