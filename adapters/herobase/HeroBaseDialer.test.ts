import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HeroBaseSimulator, startHeroBaseSimulator } from '../../local/simulators/herobase/server.js';
import { HeroBaseDialer } from './HeroBaseDialer.js';

let sim: HeroBaseSimulator;
let dialer: HeroBaseDialer;
const policy = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 5_000, maxRetryAfterMs: 5_000 };
const lead = (externalId: string) => ({ externalId, firstName: 'Anna', lastName: 'Leadsen', phone: '+4526600001', data: { 'Seneste gave': '150 kr' } });

beforeAll(async () => {
  sim = await startHeroBaseSimulator({ apiKey: 'hb-key' });
  dialer = new HeroBaseDialer({ baseUrl: `${sim.url}/api/v1`, apiKey: 'hb-key', retryPolicy: policy });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.setRequestsPerSecond(10);
  sim.addCampaign({ id: 'hb-winback', name: 'Winback', status: 'active' });
});

describe('HeroBaseDialer over HTTP', () => {
  it('[Dialer1] creates a lead with its data; sending the same lead again answers the same lead', async () => {
    const first = await dialer.createLead('hb-winback', lead('engine-lead-1'));
    const again = await dialer.createLead('hb-winback', lead('engine-lead-1'));
    expect(again).toEqual(first);
    expect(sim.leads()).toEqual([expect.objectContaining({ externalId: 'engine-lead-1', data: { 'Seneste gave': '150 kr' }, status: 'open' })]);
  });

  it('[Dialer1] answers of 429 are waited out (Retry-After) and every lead arrives once', async () => {
    sim.setRequestsPerSecond(2);
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => dialer.createLead('hb-winback', lead(id))));
    expect(sim.leads().map((created) => created.externalId).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sim.requests().filter((request) => request.status === 429).length).toBeGreaterThan(0);
  });

  it('[Dialer3] closes a lead, and closing it again is fine', async () => {
    const { dialerLeadId } = await dialer.createLead('hb-winback', lead('engine-lead-2'));
    await dialer.closeLead(dialerLeadId, 'closed for a campaign of higher priority');
    await dialer.closeLead(dialerLeadId, 'again');
    expect(await dialer.lead(dialerLeadId)).toMatchObject({ status: 'closed', externalId: 'engine-lead-2' });
    expect(sim.leadOf('engine-lead-2')).toMatchObject({ closeReason: 'api', closeNote: 'closed for a campaign of higher priority' });
  });

  it('[Dialer5] reads a finished call with the fundraiser and what the person asked for', async () => {
    const { dialerLeadId } = await dialer.createLead('hb-winback', lead('engine-lead-3'));
    sim.book.complete(dialerLeadId, { result: 'yes', agentId: 'agent-17', completedAt: '2026-11-25T12:00:00Z', newsletter: true, agreementId: 'of-agr-9' });
    expect(await dialer.lead(dialerLeadId)).toEqual({
      dialerLeadId,
      externalId: 'engine-lead-3',
      dialerCampaignId: 'hb-winback',
      status: 'closed',
      closedAt: '2026-11-25T12:00:00Z',
      outcome: { result: 'yes', fundraiserId: 'agent-17', completedAt: '2026-11-25T12:00:00Z', newsletter: true, noMoreCalls: false, stopList: false, agreementId: 'of-agr-9' },
    });
  });

  it('[Dialer1] an unknown lead or task is null; an unknown campaign and a wrong key are clear errors', async () => {
    expect(await dialer.lead('lead-999999')).toBeNull();
    expect(await dialer.task('task-999999')).toBeNull();
    await expect(dialer.createLead('hb-nowhere', lead('x'))).rejects.toThrow(/no campaign hb-nowhere/);
    await expect(new HeroBaseDialer({ baseUrl: `${sim.url}/api/v1`, apiKey: 'wrong', retryPolicy: policy }).lead('lead-1')).rejects.toThrow(/HeroBase answered 401/);
  });

  it('[Dialer1] reads every campaign across pages', async () => {
    for (let index = 0; index < 120; index++) sim.addCampaign({ id: `hb-${String(index).padStart(3, '0')}`, name: `Kampagne ${index}`, status: index % 2 === 0 ? 'active' : 'closed' });
    const campaigns = await dialer.campaigns();
    expect(campaigns).toHaveLength(121);
    expect(campaigns.find((campaign) => campaign.id === 'hb-119')).toEqual({ id: 'hb-119', name: 'Kampagne 119', status: 'closed' });
    expect(sim.requests().filter((request) => request.path === '/api/v1/campaigns' && request.status === 200)).toHaveLength(2);
  });

  it('[Dialer1] changes an open lead\'s data; a closed lead cannot be changed', async () => {
    const { dialerLeadId } = await dialer.createLead('hb-winback', lead('engine-lead-4'));
    await dialer.updateLead(dialerLeadId, { data: { 'Seneste gave': '300 kr' } });
    expect(sim.leadOf('engine-lead-4')?.data).toEqual({ 'Seneste gave': '300 kr' });
    await dialer.closeLead(dialerLeadId, 'done');
    await expect(dialer.updateLead(dialerLeadId, { firstName: 'Annie' })).rejects.toThrow(/HeroBase answered 409/);
  });
});
