import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../adapters/system/settableClock.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { type ColleagueRole, adminHeaders, personIdOf, queueDrained, startTestStack, testStackStartsAt } from '../support/testStack.js';

let stack: LocalStack;
const clock = settableClock(testStackStartsAt);
afterAll(() => stack.stop());

const as = async (role: ColleagueRole, method: string, path: string, body?: unknown) =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { ...(await adminHeaders(stack, role)), ...(body !== undefined && { 'content-type': 'application/json' }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const personOf = async (contactId: string) => (await (await as('MemberServiceEditor', 'GET', `/admin/persons/${personIdOf(contactId)}`)).json()) as Record<string, unknown>;
const candidates = async (status: string) => ((await (await as('MemberServiceEditor', 'GET', `/admin/anonymisation/candidates?status=${status}`)).json()) as { items: { id: string; foundOn: string; anonymiseOn: string }[] }).items;

async function runSchedule(): Promise<Record<string, number>> {
  const started = (await (await as('Administrator', 'POST', '/admin/jobs/anonymisation-schedule/run')).json()) as { id: string };
  return eventually(async () => {
    const run = (await (await as('Administrator', 'GET', `/admin/jobs/runs/${started.id}`)).json()) as { status: string; counts: Record<string, number> };
    expect(run.status).toBe('completed');
    return run.counts;
  }, 30_000);
}

async function contactSeenOn(instant: string, contactId: string, extra: () => Promise<void> = async () => {}): Promise<void> {
  clock.set(instant);
  stack.onlineFundraising.put('contact', contactId, { first_name: 'Tavs', last_name: `Tavsen ${contactId}`, email: `${contactId}@example.dk`, consents: [{ channel: 'email', given: true, at: instant, source: 'web' }] });
  await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: contactId, event: 'created' });
  await extra();
  await queueDrained(stack, 'of-notifications');
}

beforeAll(async () => {
  stack = await startTestStack({ clock });
  await contactSeenOn('2020-03-01T10:00:00Z', 'sched-quiet');
  await contactSeenOn('2020-03-01T10:00:00Z', 'sched-excluded');
  await contactSeenOn('2020-03-01T10:00:00Z', 'sched-agreement', async () => {
    stack.onlineFundraising.put('agreement', 'sched-agreement-a', { contact_id: 'sched-agreement', type: 'membership', status: 'active', start_date: '2020-03-01' });
    await stack.onlineFundraising.sendWebhook({ entity: 'agreement', entityId: 'sched-agreement-a', event: 'created' });
  });
  await contactSeenOn('2023-06-01T10:00:00Z', 'sched-dnc');
  clock.set(testStackStartsAt);
  const rules = { enabled: true, doNotContactAfterYears: 2, anonymiseAfterYears: 5, exclusions: [{ kind: 'running-agreement' }, { kind: 'payment-within', months: 12 }, { kind: 'pending-refund' }] };
  expect((await as('Administrator', 'PUT', '/admin/anonymisation/rules', rules)).status).toBe(200);
});

describe('[CARE-Anon] scheduled anonymisation', () => {
  it('[CARE-Anon] the nightly job finds the long-silent with a date one month ahead, keeps those an exclusion covers, and marks the shorter-silent "do not contact"', async () => {
    expect(await runSchedule()).toMatchObject({ found: 2, doNotContact: 3, anonymised: 0 });
    const scheduled = await candidates('scheduled');
    expect(scheduled.map((candidate) => candidate.id).sort()).toEqual([personIdOf('sched-quiet'), personIdOf('sched-excluded')].sort());
    for (const candidate of scheduled) expect(candidate).toMatchObject({ foundOn: '2026-11-25', anonymiseOn: '2026-12-25' });
    expect(await personOf('sched-dnc')).toMatchObject({ doNotContact: { since: '2026-11-25', reason: 'no-engagement' } });
    expect((await personOf('sched-dnc')).anonymisation).toBeUndefined();
    const filtered = (await (await as('Editor', 'POST', '/admin/segments/filter', { channel: 'email', personIds: [personIdOf('sched-dnc')] })).json()) as { excluded: { personId: string; reasons: string[] }[] };
    expect(filtered.excluded).toEqual([{ personId: personIdOf('sched-dnc'), reasons: ['do-not-contact'] }]);
  });

  it('[CARE-Anon] staff exclude one candidate and include someone an exclusion rule kept', async () => {
    const excluded = await as('MemberServiceEditor', 'POST', `/admin/anonymisation/candidates/${personIdOf('sched-excluded')}/decision`, { decision: 'exclude', note: 'arv på vej' });
    expect(await excluded.json()).toMatchObject({ status: 'excluded', staffDecision: { decision: 'exclude', note: 'arv på vej' } });
    const included = await as('MemberServiceEditor', 'POST', `/admin/anonymisation/candidates/${personIdOf('sched-agreement')}/decision`, { decision: 'include' });
    expect(await included.json()).toMatchObject({ status: 'included', anonymiseOn: '2026-12-25' });
    expect((await as('Analyst', 'POST', `/admin/anonymisation/candidates/${personIdOf('sched-quiet')}/decision`, { decision: 'exclude' })).status).toBe(403);
    expect((await as('MemberServiceEditor', 'POST', '/admin/anonymisation/candidates/0d1f9a43-6f3e-4c51-9a4b-0d1f9a436f3e/decision', { decision: 'include' })).status).toBe(404);
  });

  it('[CARE-Anon] before the date nobody is anonymised; on the date the scheduled and the included are, the excluded is not', async () => {
    clock.set('2026-12-24T10:00:00Z');
    expect(await runSchedule()).toMatchObject({ anonymised: 0 });
    clock.set('2026-12-25T10:00:00Z');
    expect(await runSchedule()).toMatchObject({ anonymised: 2 });
    for (const contactId of ['sched-quiet', 'sched-agreement']) {
      await eventually(async () => expect(await personOf(contactId)).toMatchObject({ firstName: '', anonymisation: { status: 'anonymised', reason: 'no-longer-needed' } }), 30_000);
      expect(stack.onlineFundraising.get('contact', contactId)).toMatchObject({ anonymized_at: expect.any(String) });
    }
    expect(await personOf('sched-excluded')).toMatchObject({ firstName: 'Tavs' });
    expect((await candidates('anonymised')).map((candidate) => candidate.id).sort()).toEqual([personIdOf('sched-quiet'), personIdOf('sched-agreement')].sort());
  });

  it('[CARE-Anon] rules that anonymise sooner than "do not contact" are refused, naming the field', async () => {
    const wrong = await as('Administrator', 'PUT', '/admin/anonymisation/rules', { enabled: true, doNotContactAfterYears: 5, anonymiseAfterYears: 3, exclusions: [] });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ fields: [{ field: 'anonymiseAfterYears' }] });
    expect(await (await as('Administrator', 'GET', '/admin/anonymisation/rules')).json()).toMatchObject({ doNotContactAfterYears: 2, anonymiseAfterYears: 5 });
  });
});
