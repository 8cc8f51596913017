import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutomationTrigger } from '../../domain/automation/AutomationTrigger.js';
import { collectionDate } from '../../domain/dunning/collections.js';
import { addMonths } from '../../domain/shared/businessDates.js';
import type { JobRun } from '../../domain/jobs/JobRun.js';
import { copenhagenDateOf } from '../../domain/shared/copenhagenDate.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, queueDrained, startTestStack, testStackStartsAt } from '../support/testStack.js';

let stack: LocalStack;
const today = copenhagenDateOf(new Date(testStackStartsAt));

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const of = () => stack.onlineFundraising;
const admin = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${stack.engineUrl}${path}`, {
    method,
    headers: { ...(await adminHeaders(stack)), ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
};

/** A person in OF with a monthly agreement started `monthsAgo` months ago, paid for the collections listed. */
async function monthlySupporter(prefix: string, monthsAgo: number, paidCollections: number[], phone = '+4520000000') {
  const startDate = addMonths(today, -monthsAgo);
  of().put('contact', `${prefix}-c`, { first_name: 'Ida', last_name: prefix, email: `${prefix}@example.dk`, phone });
  of().put('agreement', `${prefix}-a`, { contact_id: `${prefix}-c`, type: 'recurring_donation', status: 'active', start_date: startDate, contribution_code: 'DON_WEB_NRF_FAST' });
  of().put('subscription', `${prefix}-s`, { agreement_id: `${prefix}-a`, amount: 15_000, interval: 'monthly', status: 'active' });
  for (const index of paidCollections) {
    const dueDate = collectionDate(startDate, 'monthly', index);
    of().put('payment', `${prefix}-p${index}`, { contact_id: `${prefix}-c`, agreement_id: `${prefix}-a`, subscription_id: `${prefix}-s`, amount: 15_000, status: 'confirmed', channel: 'betalingsservice', due_date: dueDate, paid_date: dueDate });
  }
  await notifyAll(prefix, paidCollections);
}

async function notifyAll(prefix: string, payments: number[]) {
  await of().sendWebhook({ entity: 'contact', entityId: `${prefix}-c`, event: 'created' });
  await of().sendWebhook({ entity: 'agreement', entityId: `${prefix}-a`, event: 'created' });
  await of().sendWebhook({ entity: 'subscription', entityId: `${prefix}-s`, event: 'created' });
  for (const index of payments) await of().sendWebhook({ entity: 'payment', entityId: `${prefix}-p${index}`, event: 'created' });
}

async function bankCancelsMandate(prefix: string) {
  of().put('payment_method', `${prefix}-pm`, { contact_id: `${prefix}-c`, agreement_id: `${prefix}-a`, type: 'betalingsservice', status: 'cancelled', status_reason: 'Mandate cancelled by bank (Cancelled)' });
  await of().sendWebhook({ entity: 'payment_method', entityId: `${prefix}-pm`, event: 'updated' });
}

async function runGroups(): Promise<JobRun> {
  await queueDrained(stack, 'of-notifications');
  const started = await admin('POST', '/admin/jobs/dunning-groups/run', { requestedBy: 'fundraising@ms.dk' });
  expect(started.status, started.text).toBe(202);
  return eventually(async () => {
    const run = (await admin('GET', `/admin/jobs/runs/${started.json().id}`)).json() as JobRun;
    expect(run.status).toBe('completed');
    return run;
  }, 30_000);
}

const members = async (group: string, query = '') => (await admin('GET', `/admin/segments/${group}${query}`)).json();
const raiseTriggers = () => stack.engine.timerFunctions.find((fn) => fn.name === 'automationTriggers')!.handle();
const raised = async (): Promise<AutomationTrigger[]> => {
  const queue = new QueueClient(stack.azurite.connectionString, 'automation-triggers');
  const { peekedMessageItems } = await queue.peekMessages({ numberOfMessages: 32 });
  return peekedMessageItems.map((item) => JSON.parse(Buffer.from(item.messageText, 'base64').toString('utf8')) as AutomationTrigger);
};

describe('[CampaignAutomation6] the daily reactivation groups', () => {
  it('[CampaignAutomation6][CampaignAutomation3][StopList] a run stores its counts and members with reasons; a person entering raises one trigger, staying raises none; an SMS stop keeps a member out of the SMS segment only, and the TM hand-over needs phone consent', async () => {
    // Paid the first 8 of 12 collections: the last three due are missed (the 12th is within its grace or due).
    await monthlySupporter('dg-stopped', 12, [0, 1, 2, 3, 4, 5, 6, 7]);
    // The same person's second agreement, never paid: two groups, one trigger.
    of().put('agreement', 'dg-stopped-a2', { contact_id: 'dg-stopped-c', type: 'membership', status: 'active', start_date: addMonths(today, -4) });
    of().put('subscription', 'dg-stopped-s2', { agreement_id: 'dg-stopped-a2', amount: 29_000, interval: 'monthly', status: 'active' });
    await of().sendWebhook({ entity: 'agreement', entityId: 'dg-stopped-a2', event: 'created' });
    await of().sendWebhook({ entity: 'subscription', entityId: 'dg-stopped-s2', event: 'created' });
    await monthlySupporter('dg-fine', 12, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    await monthlySupporter('dg-bank', 6, [0, 1, 2, 3, 4, 5, 6], '+4521000000');
    await bankCancelsMandate('dg-bank');

    const first = await runGroups();
    expect(first.counts).toMatchObject({ 'group-1': 1, 'group-2': 1, 'group-3': 1, entered: 2 });
    expect(first.durationMs).toBeGreaterThanOrEqual(0);
    const listed = (await admin('GET', '/admin/jobs?job=dunning-groups')).json();
    expect(listed.jobs.map((job: { name: string }) => job.name)).toContain('dunning-groups');
    expect(listed.runs[0]).toMatchObject({ id: first.id, status: 'completed', counts: first.counts });

    const group2 = await members('group-2');
    expect(group2.members).toEqual([expect.objectContaining({ personId: personIdOf('dg-stopped-c'), group: 'group-2', reasons: [expect.objectContaining({ agreementId: 'dg-stopped-a', rule: 'monthly, paid before, the last 3 collections missed' })] })]);
    expect((await members('group-1')).members[0].reasons[0]).toMatchObject({ agreementId: 'dg-stopped-a2', dates: { startDate: addMonths(today, -4) } });

    await raiseTriggers();
    const triggers = (await raised()).filter((trigger) => trigger.kind.startsWith('reactivation'));
    expect(triggers.map((trigger) => [trigger.personId, trigger.kind]).sort()).toEqual(
      [
        [personIdOf('dg-bank-c'), 'reactivation_group_3'],
        [personIdOf('dg-stopped-c'), 'reactivation_group_2'],
      ].sort(),
    );

    // Staying in a group raises nothing; a run again the same day neither.
    const second = await runGroups();
    expect(second.counts).toMatchObject({ 'group-2': 1, entered: 0 });
    await raiseTriggers();
    expect((await raised()).filter((trigger) => trigger.kind.startsWith('reactivation'))).toHaveLength(2);

    // [StopList] An SMS stop leaves a member out of the group's SMS segment, and out of neither its mail nor its calls.
    expect((await admin('POST', '/admin/stop-list', { email: 'dg-stopped@example.dk', requestedAt: today, sms: true, telemarketing: false, source: 'medlemsservice', addedBy: 'ms@ms.dk' })).status).toBeLessThan(300);
    const bySms = await members('group-2', '?channel=sms');
    expect(bySms.members).toEqual([]);
    expect(bySms.excluded).toEqual([{ personId: personIdOf('dg-stopped-c'), reasons: ['stop-list'] }]);
    for (const reach of ['', '?channel=email', '?channel=post', '?channel=phone']) {
      expect((await members('group-2', reach)).members.map((member: { personId: string }) => member.personId), reach).toEqual([personIdOf('dg-stopped-c')]);
    }

    // [CampaignAutomation3] The TM hand-over needs phone consent.
    expect((await members('group-3', '?handover=tm')).excluded).toEqual([{ personId: personIdOf('dg-bank-c'), reasons: ['no-consent'] }]);
    const consent = await admin('POST', `/admin/persons/${personIdOf('dg-bank-c')}/consents`, { changes: [{ channel: 'phone', topic: 'all', action: 'granted' }], enteredBy: 'medlemsservice@ms.dk' });
    expect(consent.status, consent.text).toBe(201);
    expect((await members('group-3', '?handover=tm')).members.map((member: { personId: string }) => member.personId)).toEqual([personIdOf('dg-bank-c')]);
    const csv = await fetch(`${stack.engineUrl}/admin/segments/group-3?handover=tm&format=csv`, { headers: await adminHeaders(stack) });
    expect(await csv.text()).toContain(`${personIdOf('dg-bank-c')};group-3;dg-bank-a;`);
  });

  it('[CampaignAutomation6][CampaignAutomation3][OF-BS] an agreement staff cancel through the engine goes to OF cancelled via MS and never shows up in GROUP 3', async () => {
    await monthlySupporter('dg-ms', 6, [0, 1, 2, 3, 4, 5, 6], '+4522000000');
    const cancelled = await admin('POST', '/admin/agreements/dg-ms-a/cancel', { reason: 'Ønsker at stoppe', cancelledBy: 'medlemsservice@ms.dk' });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(of().get('agreement', 'dg-ms-a')).toMatchObject({ status: 'cancelled', cancellation_reason: 'Ønsker at stoppe' });
    expect(of().get('subscription', 'dg-ms-s')).toMatchObject({ status: 'cancelled', cancelled_by: 'organisation' });
    await bankCancelsMandate('dg-ms');
    const run = await runGroups();
    expect((await members('group-3')).members.map((member: { personId: string }) => member.personId)).not.toContain(personIdOf('dg-ms-c'));
    expect(run.counts?.['group-3']).toBe(1); // dg-bank from the test before
    expect((await admin('POST', '/admin/agreements/no-such-agreement/cancel', { reason: 'x', cancelledBy: 'y' })).status).toBe(404);
  });

  it('[CampaignAutomation6] winback: the last agreement cancelled 1.5 to 2 years ago and nothing new since, cut by cancellation date', async () => {
    for (const [prefix, monthsAgo] of [['dg-wb-in', 20], ['dg-wb-recent', 12], ['dg-wb-old', 30]] as const) {
      of().put('contact', `${prefix}-c`, { first_name: 'Bo', last_name: prefix, email: `${prefix}@example.dk` });
      of().put('agreement', `${prefix}-a`, { contact_id: `${prefix}-c`, type: 'recurring_donation', status: 'cancelled', start_date: addMonths(today, -40), end_date: addMonths(today, -monthsAgo) });
      of().put('subscription', `${prefix}-s`, { agreement_id: `${prefix}-a`, amount: 10_000, interval: 'monthly', status: 'cancelled', cancelled_by: 'contact', cancellation_reason: 'økonomi' });
      await notifyAll(prefix, []);
    }
    // Cancelled 20 months ago, but a new one-off gift since: not in winback.
    of().put('contact', 'dg-wb-new-c', { first_name: 'Al', last_name: 'Ny', email: 'dg-wb-new@example.dk' });
    of().put('agreement', 'dg-wb-new-a', { contact_id: 'dg-wb-new-c', type: 'recurring_donation', status: 'cancelled', start_date: addMonths(today, -40), end_date: addMonths(today, -20) });
    of().put('subscription', 'dg-wb-new-s', { agreement_id: 'dg-wb-new-a', amount: 10_000, interval: 'monthly', status: 'cancelled', cancelled_by: 'contact' });
    of().put('agreement', 'dg-wb-new-a2', { contact_id: 'dg-wb-new-c', type: 'one_off_donation', status: 'active', start_date: addMonths(today, -3) });
    await notifyAll('dg-wb-new', []);
    await of().sendWebhook({ entity: 'agreement', entityId: 'dg-wb-new-a2', event: 'created' });

    await runGroups();
    const winback = await members('winback');
    expect(winback.members.map((member: { personId: string; cancelledOn: string }) => [member.personId, member.cancelledOn])).toEqual([[personIdOf('dg-wb-in-c'), addMonths(today, -20)]]);
    expect((await members('winback', `?cancelledFrom=${addMonths(today, -19)}`)).members).toEqual([]);
    expect((await members('winback', `?cancelledFrom=${addMonths(today, -21)}&cancelledTo=${addMonths(today, -19)}`)).members).toHaveLength(1);
  });

  it('[CampaignAutomation6] an unknown group or job, and bad settings, are refused with the fields named', async () => {
    expect((await admin('GET', '/admin/segments/group-9')).status).toBe(404);
    expect((await admin('POST', '/admin/jobs/no-such-job/run', { requestedBy: 'x' })).json()).toMatchObject({ error: 'unknown_job' });
    const bad = await admin('PUT', '/admin/dunning-settings', { graceDays: 7, neverPaidAfterMonths: 2, monthlyMissedInARow: 3, winbackFromMonths: 24, winbackToMonths: 18 });
    expect(bad.status).toBe(400);
    expect(bad.json().fields).toEqual([{ field: 'winbackToMonths', problem: 'the window must start before it ends' }]);
  });
});
