import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../adapters/system/settableClock.js';
import type { LocalStack } from '../../local/stack.js';
import { bookkeepingApi } from '../bookkeeping/bookkeepingApi.js';
import { staffCall } from '../sending/support.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, startTestStack, testStackStartsAt } from '../support/testStack.js';
import { completedRun, giver as giverIn, rules2026 } from './support.js';

let stack: LocalStack;
const clock = settableClock(testStackStartsAt);
const call = staffCall(() => stack);
afterAll(() => stack.stop());

const giver = (prefix: string, type: 'membership' | 'one_off_donation', amount: number, code: string) => giverIn(stack, prefix, type, amount, code);
const statementOf = async (prefix: string) => (await call('GET', `/admin/tax-report/2026/statements/${personIdOf(`${prefix}-c`)}`, undefined, 'MemberServiceEditor')).json();

beforeAll(async () => {
  stack = await startTestStack({ clock });
  await bookkeepingApi(stack).saveChart();
  await giver('tx-member', 'membership', 29_000, 'MEM_WEB');
  await giver('tx-gift', 'one_off_donation', 50_000, 'ONE_WEB');
  await giver('tx-gc', 'membership', 60_000, 'GC_MEM');
  await giver('tx-small', 'one_off_donation', 15_000, 'ONE_WEB');
  const payments = await eventually(async () => {
    const found = await bookkeepingApi(stack).paymentsOf('tx-gift-c');
    expect(found).toHaveLength(1);
    return found;
  });
  expect((await call('PUT', `/admin/persons/${personIdOf('tx-gift-c')}/cpr`, { cpr: '151272-4021' }, 'MemberServiceEditor')).status).toBe(200);
  expect((await call('POST', `/admin/payments/${payments[0]!.id}/refund`, { reason: 'Delvis fortrudt', refundedBy: 'bogholderi@ms.dk', amountOre: 20_000, date: '2026-11-20' }, 'Finance')).status).toBe(201);
});

describe('[Skatteindberetning] the yearly computation', () => {
  it('[Skatteindberetning] finance enters the year\'s rules, and a run computes every giver\'s totals as a job with progress: the fee excluded, a refund subtracted, Global Contact left out, a small total not reported', async () => {
    expect((await call('PUT', '/admin/tax-report/2026/rules', rules2026, 'Finance')).status).toBe(200);
    const started = await call('POST', '/admin/tax-report/2026/runs', undefined, 'Finance');
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    const run = await completedRun(call, id);
    expect(run).toMatchObject({ counts: { givers: 4, reported: 1, reportedWithoutCpr: 0, giftsReportedOre: 30_000, ongoingReportedOre: 0 }, progress: { done: 4, unit: 'givers' } });
    expect(await statementOf('tx-gift')).toMatchObject({ year: 2026, gifts: { givenOre: 30_000, deductibleOre: 30_000, reportedOre: 30_000 }, reported: true, runId: id, cprKnown: true });
    expect(await statementOf('tx-small')).toMatchObject({ cprKnown: false });
    expect(await statementOf('tx-member')).toMatchObject({ membershipPaidOre: 29_000, gifts: { givenOre: 0 }, reported: false });
    expect(await statementOf('tx-gc')).toMatchObject({ membershipPaidOre: 0, reported: false });
    expect(await statementOf('tx-small')).toMatchObject({ gifts: { givenOre: 15_000, reportedOre: 0 }, reported: false });
  });

  it('[Skatteindberetning] a year not begun, a year without rules, or bad rules are refused, naming the field, and nothing runs', async () => {
    const future = await call('POST', '/admin/tax-report/2027/runs', undefined, 'Finance');
    expect(future.status).toBe(400);
    expect(await future.json()).toMatchObject({ fields: [{ field: 'year', problem: '2027 has not begun; the latest income year is 2026' }] });
    const noRules = await call('POST', '/admin/tax-report/2025/runs', undefined, 'Finance');
    expect(noRules.status).toBe(400);
    expect(await noRules.json()).toMatchObject({ fields: [expect.objectContaining({ field: 'year', problem: expect.stringContaining('no rules for 2025') })] });
    const negative = await call('PUT', '/admin/tax-report/2026/rules', { ...rules2026, membershipFeeOre: -1 }, 'Finance');
    expect(negative.status).toBe(400);
    expect(await negative.json()).toMatchObject({ fields: [expect.objectContaining({ field: 'membershipFeeOre' })] });
    expect((await call('POST', '/admin/tax-report/2026/runs', undefined, 'MemberServiceEditor')).status).toBe(403);
    const { runs } = (await (await call('GET', '/admin/jobs?job=tax-year-totals', undefined, 'Administrator')).json()) as { runs: unknown[] };
    expect(runs).toHaveLength(1);
  });
});
