import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../adapters/system/settableClock.js';
import type { TaxDelivery } from '../../domain/taxreport/TaxDelivery.js';
import type { LocalStack } from '../../local/stack.js';
import { bookkeepingApi } from '../bookkeeping/bookkeepingApi.js';
import { contactKnown, staffCall } from '../sending/support.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, startTestStack, testStackStartsAt } from '../support/testStack.js';
import { completedRun, giver, rules2026 } from './support.js';

let stack: LocalStack;
const clock = settableClock(testStackStartsAt);
const call = staffCall(() => stack);
afterAll(() => stack.stop());

const cpr = { x: '050570-1111', z: '060660-2222', w: '070770-3333' };
const person = (prefix: string) => personIdOf(`mg-${prefix}-c`);

async function delivered(): Promise<TaxDelivery> {
  const started = await call('POST', '/admin/tax-report/2026/deliveries', undefined, 'Finance');
  expect(started.status).toBe(202);
  const { deliveryNumber, runId } = (await started.json()) as TaxDelivery;
  await completedRun(call, runId);
  return (await (await call('GET', `/admin/tax-report/deliveries/${deliveryNumber}`, undefined, 'Finance')).json()) as TaxDelivery;
}

async function merged(survivor: string, mergedAway: string): Promise<void> {
  expect((await call('POST', `/admin/persons/${person(survivor)}/merge`, { mergedPersonId: person(mergedAway), requestedBy: 'medlemsservice@ms.dk' }, 'Administrator')).status).toBe(202);
  await eventually(async () => expect((await bookkeepingApi(stack).paymentsOf(`mg-${mergedAway}-c`)).length).toBe(0));
}

beforeAll(async () => {
  stack = await startTestStack({ clock });
  await bookkeepingApi(stack).saveChart();
  await giver(stack, 'mg-x', 'one_off_donation', 50_000, 'ONE_WEB');
  await giver(stack, 'mg-y', 'one_off_donation', 30_000, 'ONE_WEB');
  await giver(stack, 'mg-z', 'one_off_donation', 20_000, 'ONE_WEB');
  await contactKnown(stack, 'mg-w-c', { first_name: 'Wanda', last_name: 'mg-w', email: 'mg-w@example.dk' });
  await eventually(async () => expect(await bookkeepingApi(stack).paymentsOf('mg-z-c')).toHaveLength(1));
  for (const [prefix, number] of Object.entries(cpr)) expect((await call('PUT', `/admin/persons/${person(prefix)}/cpr`, { cpr: number }, 'MemberServiceEditor')).status).toBe(200);
  expect((await call('PUT', '/admin/tax-report/2026/rules', rules2026, 'Finance')).status).toBe(200);
  expect((await call('PUT', '/admin/tax-report/reporter', { cvr: '12345678', se: '87654321' }, 'Finance')).status).toBe(200);
  clock.set('2027-01-10T09:00:00Z');
});

describe('[Skatteindberetning][OnlineFundraising13] reported givers who are merged afterwards', () => {
  it('[Skatteindberetning][OnlineFundraising13] SKAT is told per CPR number: merged into a person without one, the gifts are corrected under the number they were reported under; merged into a person with another number, the old number is corrected to nothing and the new one reported', async () => {
    expect(await delivered()).toMatchObject({ deliveryNumber: 1, counts: { reports: 2, corrections: 0, giftsOre: 70_000, waitingForCpr: 1 } });

    await merged('y', 'x');
    await merged('w', 'z');
    const survivorCpr = ((await (await call('GET', `/admin/persons/${person('y')}/cpr`, undefined, 'MemberServiceEditor')).json()) as { cpr: string }).cpr;
    expect(survivorCpr).toBe(cpr.x.replace('-', ''));

    expect(await delivered()).toMatchObject({ deliveryNumber: 2, counts: { reports: 1, corrections: 2, giftsOre: 100_000, waitingForCpr: 0 } });
    const rows = Buffer.from(await (await call('GET', '/admin/tax-report/deliveries/2/file', undefined, 'Finance')).arrayBuffer()).toString('utf8').split('\r\n').slice(1, -1);
    expect(rows.map((row) => row.split(';').slice(4)).sort()).toEqual(
      [
        [cpr.x.replace('-', ''), person('y'), 'rettelse', '800,00', '0,00'],
        [cpr.z.replace('-', ''), person('z'), 'rettelse', '0,00', '0,00'],
        [cpr.w.replace('-', ''), person('w'), 'indberetning', '200,00', '0,00'],
      ].sort(),
    );

    expect(await delivered()).toMatchObject({ deliveryNumber: 3, counts: { reports: 0, corrections: 0 } });
  });
});
