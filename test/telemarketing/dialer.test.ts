import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../adapters/onlinefundraising/webhookSignature.js';
import { settableClock } from '../../adapters/system/settableClock.js';
import { type LocalStack, localCredentials } from '../../local/stack.js';
import { staffCall } from '../sending/support.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, queueDrained, startTestStack, testStackStartsAt } from '../support/testStack.js';
import { signsByKeyword } from './support.js';

let stack: LocalStack;
const clock = settableClock(testStackStartsAt);
const call = staffCall(() => stack);
afterAll(() => stack.stop());

const ole = { id: 'dl-ole', firstName: 'Ole', phone: '+4527700001', consents: ['phone', 'email'] };
const pia = { id: 'dl-pia', firstName: 'Pia', phone: '+4527700002', consents: ['phone', 'email'] };
const rasmus = { id: 'dl-rasmus', firstName: 'Rasmus', phone: '+4527700003', consents: ['email'] };
const sune = { id: 'dl-sune', firstName: 'Sune', phone: '+4527700004', consents: ['phone', 'email'] };

type Lead = { id: string; personId: string; campaignId: string; status: string; outcome?: string; dialer?: { dialerLeadId?: string; ofAgreementId?: string; ofCampaignId?: string }; response?: Record<string, unknown> };
const leadsOf = async (contactId: string) => ((await (await call('GET', `/admin/persons/${personIdOf(contactId)}/telemarketing-leads`)).json()) as { leads: Lead[] }).leads;
const leadIn = async (contactId: string, campaignId: string) => (await leadsOf(contactId)).find((lead) => lead.campaignId === campaignId)!;

const dialerCampaign = (dialerCampaignId: string, priority: number, extra: Record<string, unknown> = {}) => ({
  name: `Ring: ${dialerCampaignId}`,
  priority,
  recontactAfterMonths: 12,
  active: true,
  petitionIds: [],
  leadsFrom: '2026-11-01',
  team: 'fundraising',
  dialer: { dialerCampaignId, changesAgreements: false, fields: [{ field: 'city', header: 'By' }], ...extra },
});

/** An agreement in OF for the contact, notified to the engine. */
async function agreementInOf(contactId: string, agreementId: string, status: 'active' | 'cancelled', startDate: string): Promise<void> {
  stack.onlineFundraising.put('agreement', agreementId, { contact_id: contactId, type: 'recurring_donation', status, start_date: startDate, contribution_code: 'DON_WEB_NRF_FAST' } as never);
  await stack.onlineFundraising.sendWebhook({ entity: 'agreement', entityId: agreementId, event: 'created' });
  await queueDrained(stack, 'of-notifications');
}

async function transferred(campaignId: string, segmentDefinitionId: string): Promise<{ status: string; counts: Record<string, number> }> {
  const started = await call('POST', '/admin/telemarketing/transfers', { campaignId, segmentDefinitionId });
  expect(started.status).toBe(202);
  const { id } = (await started.json()) as { id: string };
  return eventually(async () => {
    const run = (await (await call('GET', `/admin/jobs/runs/${id}`, undefined, 'Administrator')).json()) as { status: string; counts: Record<string, number> };
    expect(run.status).toBe('completed');
    return run;
  }, 30_000);
}

let ringSegmentId: string;

beforeAll(async () => {
  stack = await startTestStack({ clock });
  expect((await call('POST', '/admin/keywords', { keyword: 'RING', campaignCode: 'RING2026', validFrom: '2026-01-01', action: { kind: 'create-signature', petitionId: 'ring-2026' } }, 'Administrator')).status).toBe(201);
  for (const person of [ole, pia, rasmus, sune]) await signsByKeyword(stack, person, 'RING', '2026-11-24T12:00:00.000Z');
  await agreementInOf(ole.id, 'dl-ole-a', 'cancelled', '2024-03-01');
  await agreementInOf(pia.id, 'dl-pia-old', 'cancelled', '2022-01-01');
  await agreementInOf(pia.id, 'dl-pia-a', 'active', '2025-06-01');
  for (const id of ['hb-skov', 'hb-winback', 'hb-nyhed']) stack.heroBase.addCampaign({ id, name: id, status: 'active' });
  const campaigns = {
    'skov-ring': dialerCampaign('hb-skov', 1),
    'winback-ring': dialerCampaign('hb-winback', 5, { onboardingCampaignId: 'of-winback-2026', changesAgreements: true, fields: [{ field: 'first_name', header: 'Fornavn' }], newsletterTopic: 'newsletter-1' }),
    'nyhed-ring': { ...dialerCampaign('hb-nyhed', 5), recontactAfterMonths: 0 },
  };
  for (const [id, campaign] of Object.entries(campaigns)) expect((await call('PUT', `/admin/telemarketing/campaigns/${id}`, campaign, 'Administrator')).status).toBe(200);
  const unknown = await call('PUT', '/admin/telemarketing/campaigns/nowhere-ring', dialerCampaign('hb-nowhere', 1), 'Administrator');
  expect(unknown.status).toBe(400);
  expect(await unknown.json()).toMatchObject({ fields: [{ field: 'dialer.dialerCampaignId', problem: 'HeroBase has no campaign hb-nowhere' }] });
  const segment = await call('POST', '/admin/segment-definitions', { name: 'Ringeemner', criteria: { petitions: [{ petitionId: 'ring-2026' }] } });
  ringSegmentId = ((await segment.json()) as { id: string }).id;
});

describe('[Dialer1][Dialer2][Dialer3] leads to the dialer', () => {
  it('[Dialer2] an automation hands one person to a campaign, and the lead is created in HeroBase', async () => {
    const created = await call('POST', '/admin/telemarketing/leads', { campaignId: 'skov-ring', personId: personIdOf(ole.id) }, 'Integration');
    expect(created.status).toBe(201);
    const lead = (await created.json()) as Lead;
    expect(lead).toMatchObject({ campaignId: 'skov-ring', status: 'open', dialer: { dialerLeadId: expect.any(String) } });
    expect(stack.heroBase.leadOf(lead.id)).toMatchObject({ campaignId: 'hb-skov', firstName: 'Ole', phone: ole.phone, status: 'open' });
    const refused = await call('POST', '/admin/telemarketing/leads', { campaignId: 'skov-ring', personId: personIdOf(rasmus.id) }, 'Integration');
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: 'not_callable', detail: expect.stringContaining('no-phone-consent') });
  });

  it('[Dialer1][OnlineFundraising6][Dialer3] a segment goes to the winback campaign, enriched with the OF agreement and campaign, paced through HeroBase\'s 429s; the lower campaign\'s open lead is closed', async () => {
    stack.heroBase.setRequestsPerSecond(2);
    stack.heroBase.clearRequests();
    const run = await transferred('winback-ring', ringSegmentId);
    stack.heroBase.setRequestsPerSecond(10);
    expect(run.counts).toMatchObject({ leads: 3, pushed: 3, closedElsewhere: 1, 'excluded.no-consent': 1 });
    expect(stack.heroBase.requests().some((request) => request.status === 429)).toBe(true);

    const oleLead = await leadIn(ole.id, 'winback-ring');
    expect(stack.heroBase.leadOf(oleLead.id)).toMatchObject({ campaignId: 'hb-winback', data: { Fornavn: 'Ole', 'OF aftale': 'dl-ole-a', 'OF kampagne': 'of-winback-2026' } });
    expect(stack.heroBase.leadOf((await leadIn(pia.id, 'winback-ring')).id)?.data).toMatchObject({ 'OF aftale': 'dl-pia-a' });
    expect(stack.heroBase.leads('hb-winback')).toHaveLength(3);

    const skovLead = await leadIn(ole.id, 'skov-ring');
    expect(skovLead).toMatchObject({ status: 'closed', outcome: 'closed-for-higher-priority' });
    expect(stack.heroBase.leadOf(skovLead.id)).toMatchObject({ status: 'closed', closeReason: 'api' });
  });

  it('[Dialer1] transferring the segment again hands nobody over twice', async () => {
    const again = await transferred('winback-ring', ringSegmentId);
    expect(again.counts).toMatchObject({ leads: 0, pushed: 0 });
    expect(stack.heroBase.leads('hb-winback')).toHaveLength(3);
  });

  it('[Dialer3] staff close one lead: closed in HeroBase at once and recorded', async () => {
    const extra = await call('POST', '/admin/telemarketing/leads', { campaignId: 'nyhed-ring', personId: personIdOf(sune.id) }, 'Integration');
    const lead = (await extra.json()) as Lead;
    const closed = await call('POST', `/admin/telemarketing/leads/${lead.id}/close`, undefined, 'MemberServiceEditor');
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: 'closed', outcome: 'closed-by-staff' });
    expect(stack.heroBase.leadOf(lead.id)).toMatchObject({ status: 'closed', closeReason: 'api' });
  });
});

describe('[Dialer5] what comes back from the calls', () => {
  it('[Dialer5] a "yes" becomes the campaign response with the fundraiser and the OF agreement; the newsletter sign-up and the new email go through the engine\'s own paths', async () => {
    const oleLead = await leadIn(ole.id, 'winback-ring');
    await stack.heroBase.completeCall(oleLead.dialer!.dialerLeadId!, { result: 'yes', agentId: 'agent-17', agreementId: 'dl-ole-a', newsletter: true, contactUpdates: { email: 'ole.ny@example.dk' } });
    await queueDrained(stack, 'dialer-notifications');
    expect(await leadIn(ole.id, 'winback-ring')).toMatchObject({ status: 'closed', outcome: 'yes', response: { result: 'yes', fundraiserId: 'agent-17', ofAgreementId: 'dl-ole-a' }, dialer: { ofCampaignId: 'of-winback-2026' } });
    const consents = (await (await call('GET', `/admin/persons/${personIdOf(ole.id)}/consents`, undefined, 'MemberServiceEditor')).json()) as { entries: { channel: string; topic: string; action: string; source: { kind: string; user?: string } }[] };
    expect(consents.entries).toContainEqual(expect.objectContaining({ channel: 'email', topic: 'newsletter-1', action: 'granted', source: expect.objectContaining({ kind: 'dialer-call', user: 'agent-17' }) }));
    const person = (await (await call('GET', `/admin/persons/${personIdOf(ole.id)}`, undefined, 'MemberServiceEditor')).json()) as { person?: { emails: string[] }; emails?: string[] };
    expect(JSON.stringify(person)).toContain('ole.ny@example.dk');
  });

  it('[OnlineFundraising6][KomMed-GDPR] the agreement changed in the Onboarding App leads back to the call campaign and fundraiser; the person\'s export holds the lead', async () => {
    const traced = (await (await call('GET', '/admin/telemarketing/leads?ofAgreementId=dl-ole-a', undefined, 'Analyst')).json()) as { leads: Lead[] };
    expect(traced.leads).toEqual([expect.objectContaining({ personId: personIdOf(ole.id), campaignId: 'winback-ring', response: expect.objectContaining({ fundraiserId: 'agent-17' }) })]);
    const exported = (await (await call('GET', `/admin/persons/${personIdOf(ole.id)}/export`, undefined, 'Administrator')).json()) as { telemarketingLeads: Lead[] };
    expect(exported.telemarketingLeads.map((lead) => lead.campaignId).sort()).toEqual(['skov-ring', 'winback-ring']);
  });

  it('[Dialer5][Dialer3][StopList] "no more calls" withdraws phone consent, puts the number on the stop list and closes all the person\'s open leads', async () => {
    const nyhed = await call('POST', '/admin/telemarketing/leads', { campaignId: 'nyhed-ring', personId: personIdOf(pia.id) }, 'Integration');
    expect(nyhed.status).toBe(201);
    const nyhedLead = (await nyhed.json()) as Lead;
    const winbackLead = await leadIn(pia.id, 'winback-ring');
    await stack.heroBase.completeCall(winbackLead.dialer!.dialerLeadId!, { result: 'no', agentId: 'agent-4', noMoreCalls: true, stopList: true });
    await queueDrained(stack, 'dialer-notifications');
    expect(await leadIn(pia.id, 'winback-ring')).toMatchObject({ outcome: 'no', response: { fundraiserId: 'agent-4' } });
    expect(await leadIn(pia.id, 'nyhed-ring')).toMatchObject({ status: 'closed', outcome: 'no-more-calls' });
    expect(stack.heroBase.leadOf(nyhedLead.id)).toMatchObject({ status: 'closed', closeReason: 'api' });
    const consents = (await (await call('GET', `/admin/persons/${personIdOf(pia.id)}/consents`, undefined, 'MemberServiceEditor')).json()) as { current: { channel: string; topic: string; granted: boolean }[] };
    expect(consents.current).toContainEqual(expect.objectContaining({ channel: 'phone', granted: false }));
    const stopList = (await (await call('GET', '/admin/stop-list', undefined, 'MemberServiceEditor')).json()) as { entries: { phone?: string; telemarketing: boolean; source: string }[] };
    expect(stopList.entries).toContainEqual(expect.objectContaining({ phone: pia.phone, telemarketing: true, source: 'dialer' }));
    const again = await call('POST', '/admin/telemarketing/leads', { campaignId: 'nyhed-ring', personId: personIdOf(pia.id) }, 'Integration');
    expect(again.status).toBe(409);
  });

  it('[Dialer3] an automation closes all of a person\'s open leads for "no more calls", and their phone consent is withdrawn', async () => {
    const uffe = { id: 'dl-uffe', firstName: 'Uffe', phone: '+4527700006', consents: ['phone'] };
    await signsByKeyword(stack, uffe, 'RING', '2026-11-24T12:40:00.000Z');
    const lead = (await (await call('POST', '/admin/telemarketing/leads', { campaignId: 'nyhed-ring', personId: personIdOf(uffe.id) }, 'Integration')).json()) as Lead;
    const closed = await call('POST', `/admin/persons/${personIdOf(uffe.id)}/telemarketing-leads/close`, { reason: 'no-more-calls' }, 'Integration');
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as { closed: Lead[] }).closed).toEqual([expect.objectContaining({ id: lead.id, outcome: 'no-more-calls' })]);
    expect(stack.heroBase.leadOf(lead.id)).toMatchObject({ status: 'closed', closeReason: 'api' });
    const consents = (await (await call('GET', `/admin/persons/${personIdOf(uffe.id)}/consents`, undefined, 'MemberServiceEditor')).json()) as { current: { channel: string; granted: boolean }[] };
    expect(consents.current).toContainEqual(expect.objectContaining({ channel: 'phone', granted: false }));
    expect((await call('POST', `/admin/persons/${personIdOf(uffe.id)}/telemarketing-leads/close`, { reason: 'whenever' }, 'Integration')).status).toBe(400);
  });

  it('[Dialer3][StopList] a phone consent withdrawn by staff, or the stop list for calls, closes the person\'s open leads at the next preferences round', async () => {
    const yrsa = { id: 'dl-yrsa', firstName: 'Yrsa', phone: '+4527700008', consents: ['phone'] };
    const zack = { id: 'dl-zack', firstName: 'Zack', phone: '+4527700009', consents: ['phone'] };
    const leads: Lead[] = [];
    for (const person of [yrsa, zack]) {
      await signsByKeyword(stack, person, 'RING', '2026-11-24T12:50:00.000Z');
      leads.push((await (await call('POST', '/admin/telemarketing/leads', { campaignId: 'nyhed-ring', personId: personIdOf(person.id) }, 'Integration')).json()) as Lead);
    }
    const preferencesRound = () => stack.engine.timerFunctions.find((fn) => fn.name === 'contactPreferences')!.handle();
    await preferencesRound();
    expect(leads.map((lead) => stack.heroBase.leadOf(lead.id)?.status)).toEqual(['open', 'open']);
    expect((await call('POST', `/admin/persons/${personIdOf(yrsa.id)}/consents`, { changes: [{ channel: 'phone', topic: 'all', action: 'withdrawn' }], enteredBy: 'ms@ms.dk', personsRequest: 'bad om ikke at blive ringet op' }, 'MemberServiceEditor')).status).toBe(201);
    expect((await call('POST', '/admin/stop-list', { phone: zack.phone, requestedAt: '2026-11-25', sms: false, telemarketing: true, source: 'medlemsservice' }, 'MemberServiceEditor')).status).toBe(201);
    await preferencesRound();
    expect(leads.map((lead) => stack.heroBase.leadOf(lead.id)?.status)).toEqual(['closed', 'closed']);
    expect(await leadIn(yrsa.id, 'nyhed-ring')).toMatchObject({ status: 'closed', outcome: 'no-more-calls' });
  });

  it('[Dialer4] a task from the vendor\'s member service is linked to the person of its call, or kept unlinked; a repeated notification makes no second task', async () => {
    const oleLead = await leadIn(ole.id, 'winback-ring');
    const linked = await stack.heroBase.createTask({ subject: 'Ring tilbage om adresse', description: 'Ole vil rette sin adresse', leadId: oleLead.dialer!.dialerLeadId!, createdBy: 'tmpo-ms' });
    await stack.heroBase.createTask({ subject: 'Ukendt opkald', description: 'Vil høre om medlemskab', name: 'Bente Ukendt', phone: '+4529999999', createdBy: 'tmpo-ms' });
    await stack.heroBase.sendWebhook({ type: 'task.created', taskId: linked.task.id });
    await queueDrained(stack, 'dialer-notifications');
    const ofOle = ((await (await call('GET', `/admin/member-service/tasks?personId=${personIdOf(ole.id)}`, undefined, 'MemberServiceEditor')).json()) as { tasks: unknown[] }).tasks;
    expect(ofOle).toEqual([expect.objectContaining({ subject: 'Ring tilbage om adresse', personId: personIdOf(ole.id), leadId: oleLead.id, status: 'open' })]);
    const unlinked = ((await (await call('GET', '/admin/member-service/tasks?unlinked=true', undefined, 'MemberServiceEditor')).json()) as { tasks: unknown[] }).tasks;
    expect(unlinked).toEqual([expect.objectContaining({ subject: 'Ukendt opkald', contact: { name: 'Bente Ukendt', phone: '+4529999999' } })]);
  });

  it('[OnlineFundraising6] people TM could not reach form a segment for other channels once the campaign has ended', async () => {
    const suneLead = await leadIn(sune.id, 'winback-ring');
    await stack.heroBase.completeCall(suneLead.dialer!.dialerLeadId!, { result: 'max-attempts', agentId: 'agent-9' });
    await queueDrained(stack, 'dialer-notifications');
    expect(await leadIn(sune.id, 'winback-ring')).toMatchObject({ outcome: 'max-attempts', response: { fundraiserId: 'agent-9' } });
    expect((await call('PUT', '/admin/telemarketing/campaigns/winback-ring', { ...dialerCampaign('hb-winback', 5, { onboardingCampaignId: 'of-winback-2026', changesAgreements: true }), active: false }, 'Administrator')).status).toBe(200);
    const segment = await call('POST', '/admin/segment-definitions', { name: 'Ikke nået i winback', criteria: { telemarketing: { notReachedIn: 'winback-ring' } } });
    const { id } = (await segment.json()) as { id: string };
    expect(await (await call('POST', `/admin/segment-definitions/${id}/count`, { channel: 'email' })).json()).toEqual({ kept: 1, excluded: {} });
  });
});

describe('[Dialer1] the daily transfer', () => {
  it('[Dialer1] at 06:00 Danish time each dialer campaign with a daily segment gets one transfer a day, however often the timer fires', async () => {
    expect((await call('POST', '/admin/keywords', { keyword: 'DAG', campaignCode: 'DAG2026', validFrom: '2026-01-01', action: { kind: 'create-signature', petitionId: 'dag-2026' } }, 'Administrator')).status).toBe(201);
    const vera = { id: 'dl-vera', firstName: 'Vera', phone: '+4527700007', consents: ['phone'] };
    await signsByKeyword(stack, vera, 'DAG', '2026-11-25T12:00:00.000Z');
    const segment = await call('POST', '/admin/segment-definitions', { name: 'Dagens emner', criteria: { petitions: [{ petitionId: 'dag-2026' }], telemarketing: { notHandedOverWithinMonths: 12 } } });
    const { id: dailySegmentDefinitionId } = (await segment.json()) as { id: string };
    stack.heroBase.addCampaign({ id: 'hb-daglig', name: 'Daglig', status: 'active' });
    expect((await call('PUT', '/admin/telemarketing/campaigns/daglig-ring', dialerCampaign('hb-daglig', 2, { dailySegmentDefinitionId }), 'Administrator')).status).toBe(200);
    const timer = stack.engine.timerFunctions.find((fn) => fn.name === 'dialerTransfers')!;
    clock.set('2026-11-26T04:00:00Z');
    await timer.handle();
    clock.set('2026-11-26T05:00:00Z');
    await timer.handle();
    await timer.handle();
    const runs = await eventually(async () => {
      const { runs: all } = (await (await call('GET', '/admin/jobs?job=dialer-transfer&limit=50', undefined, 'Administrator')).json()) as { runs: { trigger: string; forDate: string; status: string; parameters?: Record<string, string> }[] };
      const daily = all.filter((run) => run.trigger === 'schedule' && run.parameters?.campaignId === 'daglig-ring');
      expect(daily.map((run) => run.status)).toEqual(['completed']);
      return daily;
    }, 30_000);
    expect(runs[0]).toMatchObject({ forDate: '2026-11-26', parameters: { segmentDefinitionId: dailySegmentDefinitionId } });
    expect(stack.heroBase.leads('hb-daglig')).toEqual([expect.objectContaining({ firstName: 'Vera', phone: vera.phone })]);
  });
});

describe('[Dialer3][GDPR1] anonymisation', () => {
  it('[Dialer3][GDPR1] anonymising a person closes their open leads in the dialer at once and erases their member-service tasks', async () => {
    const tove = { id: 'dl-tove', firstName: 'Tove', phone: '+4527700005', consents: ['phone'] };
    await signsByKeyword(stack, tove, 'RING', '2026-11-24T12:30:00.000Z');
    const lead = (await (await call('POST', '/admin/telemarketing/leads', { campaignId: 'nyhed-ring', personId: personIdOf(tove.id) }, 'Integration')).json()) as Lead;
    await stack.heroBase.createTask({ subject: 'Tove vil ringes op', description: 'om sin gave', leadId: lead.dialer!.dialerLeadId!, createdBy: 'tmpo-ms' });
    await queueDrained(stack, 'dialer-notifications');
    const started = await call('POST', `/admin/persons/${personIdOf(tove.id)}/anonymise`, { reason: 'persons-request', requestedOn: '2026-11-24', stopList: 'leave' }, 'MemberServiceEditor');
    expect(started.status).toBe(202);
    await queueDrained(stack, 'anonymisations');
    await eventually(async () => expect(stack.heroBase.leadOf(lead.id)).toMatchObject({ status: 'closed', closeReason: 'api' }));
    expect(await leadIn(tove.id, 'nyhed-ring')).toMatchObject({ status: 'closed', outcome: 'anonymised' });
    const tasks = ((await (await call('GET', `/admin/member-service/tasks?personId=${personIdOf(tove.id)}`, undefined, 'MemberServiceEditor')).json()) as { tasks: unknown[] }).tasks;
    expect(tasks).toEqual([]);
  });
});

describe('[Dialer5] bad input from the dialer', () => {
  const post = (body: string, headers: Record<string, string>) => fetch(`${stack.engineUrl}/webhooks/herobase`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('[Dialer5] an unsigned or wrongly signed notification is refused 401; a malformed one 400 naming the field; nothing is queued', async () => {
    const body = JSON.stringify({ id: 'evt-x', type: 'lead.closed', occurredAt: '2026-11-25T10:00:00Z' });
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, signWebhook('not-the-secret-at-all', body, clock.now()))).status).toBe(401);
    const malformed = await post(body, signWebhook(localCredentials.heroBaseWebhookSecret, body, clock.now()));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ fields: [expect.objectContaining({ field: 'leadId' })] });
    const unknownType = JSON.stringify({ id: 'evt-y', type: 'lead.exploded', leadId: 'lead-1', occurredAt: '2026-11-25T10:00:00Z' });
    expect((await post(unknownType, signWebhook(localCredentials.heroBaseWebhookSecret, unknownType, clock.now()))).status).toBe(400);
  });

  it('[Dialer5] an outcome for a lead the engine never handed over is a clear error, kept for replay and tried again, not guessed at', async () => {
    const stranger = stack.heroBase.addCampaign({ id: 'hb-other', name: 'Someone else', status: 'active' });
    const response = await fetch(`${stack.heroBase.url}/api/v1/campaigns/${stranger.id}/leads`, { method: 'POST', headers: { 'x-api-key': localCredentials.heroBaseApiKey, 'content-type': 'application/json' }, body: JSON.stringify({ externalId: 'not-an-engine-lead', firstName: 'X', lastName: 'Y', phone: '+4520000001' }) });
    const { id } = (await response.json()) as { id: string };
    await stack.heroBase.completeCall(id, { result: 'yes', agentId: 'agent-1' });
    const letter = await eventually(async () => {
      const { items } = (await (await call('GET', '/admin/dead-letters?status=retrying', undefined, 'Administrator')).json()) as { items: { queue: string; lastError: string; failures: number }[] };
      const found = items.find((item) => item.queue === 'dialer-notifications');
      expect(found?.failures).toBeGreaterThanOrEqual(2);
      return found!;
    });
    expect(letter.lastError).toMatch(/UnknownLeadError: .*not-an-engine-lead, which the engine never handed over/);
  });
});
