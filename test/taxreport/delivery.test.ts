import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosTaxDeliveries } from '../../adapters/cosmos/CosmosTaxDeliveries.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { settableClock } from '../../adapters/system/settableClock.js';
import type { AuditEntry } from '../../domain/audit/AuditEntry.js';
import type { TaxDelivery } from '../../domain/taxreport/TaxDelivery.js';
import type { TaxReportMarker } from '../../domain/taxreport/TaxReportMarker.js';
import type { LocalStack } from '../../local/stack.js';
import { bookkeepingApi } from '../bookkeeping/bookkeepingApi.js';
import { staffCall } from '../sending/support.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, startTestStack, testStackStartsAt } from '../support/testStack.js';
import { localStaff } from '../../local/simulators/signin/localStaff.js';
import { completedRun, giver, rules2026 } from './support.js';

let stack: LocalStack;
const clock = settableClock(testStackStartsAt);
const call = staffCall(() => stack);
afterAll(() => stack.stop());

const cpr = { 'dl-a': '010170-1234', 'dl-b': '020280-2345', 'dl-c': '030390-3456' } as const;
const reporter = { cvr: '12345678', se: '87654321' };

async function delivered(year: number): Promise<TaxDelivery> {
  const started = await call('POST', `/admin/tax-report/${year}/deliveries`, undefined, 'Finance');
  expect(started.status).toBe(202);
  const { deliveryNumber, runId } = (await started.json()) as TaxDelivery;
  await completedRun(call, runId);
  return (await (await call('GET', `/admin/tax-report/deliveries/${deliveryNumber}`, undefined, 'Finance')).json()) as TaxDelivery;
}

const fileOf = async (deliveryNumber: number) => call('GET', `/admin/tax-report/deliveries/${deliveryNumber}/file`, undefined, 'Finance');
const markersOf = async (prefix: string) =>
  ((await (await call('GET', `/admin/persons/${personIdOf(`${prefix}-c`)}/tax-report-markers`, undefined, 'MemberServiceEditor')).json()) as { markers: TaxReportMarker[] }).markers;
const enterCpr = async (prefix: keyof typeof cpr) => expect((await call('PUT', `/admin/persons/${personIdOf(`${prefix}-c`)}/cpr`, { cpr: cpr[prefix] }, 'MemberServiceEditor')).status).toBe(200);

beforeAll(async () => {
  stack = await startTestStack({ clock });
  await bookkeepingApi(stack).saveChart();
  await giver(stack, 'dl-a', 'one_off_donation', 50_000, 'ONE_WEB');
  await giver(stack, 'dl-b', 'one_off_donation', 30_000, 'ONE_WEB');
  await giver(stack, 'dl-c', 'one_off_donation', 40_000, 'ONE_WEB');
  await eventually(async () => expect(await bookkeepingApi(stack).paymentsOf('dl-c-c')).toHaveLength(1));
  await enterCpr('dl-a');
  await enterCpr('dl-b');
  expect((await call('PUT', '/admin/tax-report/2026/rules', rules2026, 'Finance')).status).toBe(200);
  const december = (await (await call('POST', '/admin/tax-report/2026/runs', undefined, 'Finance')).json()) as { id: string };
  await completedRun(call, december.id);
});

describe('[Skatteindberetning] the January delivery to SKAT', () => {
  it("[Skatteindberetning] finance enters MS's CVR and SE numbers; a number that is not 8 digits is refused, naming it", async () => {
    const bad = await call('PUT', '/admin/tax-report/reporter', { cvr: '1234', se: '87654321' }, 'Finance');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fields: [{ field: 'cvr', problem: 'a CVR number is 8 digits, the first not 0' }] });
    expect((await call('PUT', '/admin/tax-report/reporter', reporter, 'Finance')).status).toBe(200);
    expect(await (await call('GET', '/admin/tax-report/reporter', undefined, 'MemberServiceEditor')).json()).toMatchObject(reporter);
  });

  it('[Skatteindberetning] a delivery for a year that is not over is refused, naming the year', async () => {
    const early = await call('POST', '/admin/tax-report/2026/deliveries', undefined, 'Finance');
    expect(early.status).toBe(400);
    expect(await early.json()).toMatchObject({ fields: [{ field: 'year', problem: '2026 is not over; the latest year to deliver is 2025' }] });
  });

  it('[Skatteindberetning] in January the delivery reports every giver with CPR, with a unique number and the CVR/SE; each gets a marker member service sees (and the person\'s data export holds); the giver without CPR waits', async () => {
    clock.set('2027-01-10T09:00:00Z');
    const first = await delivered(2026);
    expect(first).toMatchObject({ deliveryNumber: 1, year: 2026, status: 'ready', reporter, counts: { reports: 2, corrections: 0, giftsOre: 80_000, ongoingOre: 0, waitingForCpr: 1 } });
    expect(await markersOf('dl-a')).toEqual([expect.objectContaining({ year: 2026, deliveryNumber: 1, kind: 'report', giftsOre: 50_000, ongoingOre: 0, reportedAt: expect.stringMatching(/^2027-01-10T/) })]);
    expect(await markersOf('dl-c')).toEqual([]);
    const exported = (await (await call('GET', `/admin/persons/${personIdOf('dl-a-c')}/export`, undefined, 'Administrator')).json()) as { taxStatements: unknown[]; taxReportMarkers: unknown[] };
    expect(exported.taxStatements).toEqual([expect.objectContaining({ year: 2026, gifts: expect.objectContaining({ reportedOre: 50_000 }) })]);
    expect(exported.taxReportMarkers).toEqual([expect.objectContaining({ deliveryNumber: 1, kind: 'report' })]);
  });

  it('[Skatteindberetning] the file lists each reported giver with CPR number and amounts, the kinds apart; its download is audited as an export naming the givers', async () => {
    const file = await fileOf(1);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="ms-gaver-2026-leverance-1.csv"');
    const rows = [
      ['dl-a', `1;2026;12345678;87654321;${cpr['dl-a'].replace('-', '')};${personIdOf('dl-a-c')};indberetning;500,00;0,00`],
      ['dl-b', `1;2026;12345678;87654321;${cpr['dl-b'].replace('-', '')};${personIdOf('dl-b-c')};indberetning;300,00;0,00`],
    ].sort(([a], [b]) => personIdOf(`${a}-c`).localeCompare(personIdOf(`${b}-c`)));
    const expected = `\uFEFFLeverance;Indkomstår;CVR;SE;CPR;Person-id;Art;Gaver § 8 A (kr);Løbende ydelser § 12 (kr)\r\n${rows.map(([, row]) => `${row}\r\n`).join('')}`;
    expect(Buffer.from(await file.arrayBuffer()).toString('utf8')).toBe(expected);
    const audit = ((await (await call('GET', `/admin/audit-log?personId=${personIdOf('dl-a-c')}`, undefined, 'Administrator')).json()) as { entries: AuditEntry[] }).entries;
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'GET /admin/tax-report/deliveries/:number/file', kind: 'export', count: 2, subjects: [{ kind: 'tax-delivery', id: '1' }] })]));
  });

  it('[Skatteindberetning] a second January run delivers nothing twice', async () => {
    const second = await delivered(2026);
    expect(second).toMatchObject({ deliveryNumber: 2, status: 'ready', counts: { reports: 0, corrections: 0, giftsOre: 0, waitingForCpr: 1 } });
    const text = Buffer.from(await (await fileOf(2)).arrayBuffer()).toString('utf8');
    expect(text.split('\r\n').filter((line) => line.length > 0)).toHaveLength(1);
    expect((await markersOf('dl-a')).map((marker) => marker.deliveryNumber)).toEqual([1]);
  });

  it('[Skatteindberetning][Refundering] a gift refunded after the report is corrected in the next delivery, and a giver whose CPR number came later is reported then', async () => {
    clock.set('2027-02-01T09:00:00Z');
    const [payment] = await bookkeepingApi(stack).paymentsOf('dl-b-c');
    expect((await call('POST', `/admin/payments/${payment!.id}/refund`, { reason: 'Fortrudt', refundedBy: 'bogholderi@ms.dk', amountOre: 10_000, date: '2027-02-01' }, 'Finance')).status).toBe(201);
    await enterCpr('dl-c');
    const third = await delivered(2026);
    expect(third).toMatchObject({ deliveryNumber: 3, counts: { reports: 1, corrections: 1, giftsOre: 60_000, waitingForCpr: 0 } });
    expect(await markersOf('dl-b')).toEqual([
      expect.objectContaining({ deliveryNumber: 3, kind: 'correction', giftsOre: 20_000 }),
      expect.objectContaining({ deliveryNumber: 1, kind: 'report', giftsOre: 30_000 }),
    ]);
    expect(await markersOf('dl-c')).toEqual([expect.objectContaining({ deliveryNumber: 3, kind: 'report', giftsOre: 40_000 })]);
    const text = Buffer.from(await (await fileOf(3)).arrayBuffer()).toString('utf8');
    expect(text).toContain(`;${personIdOf('dl-b-c')};rettelse;200,00;0,00\r\n`);
    expect(text).toContain(`;${personIdOf('dl-c-c')};indberetning;400,00;0,00\r\n`);
  });

  it('[Skatteindberetning] a file asked for before its delivery is collected is 409; a delivery whose run never got queued is resumed by the next request (409 meanwhile) and then ready; an unknown delivery is 404; the file is for finance only', async () => {
    const database = createCosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, database: 'ms-engine' }).database('ms-engine');
    const runId = '0b7e8f52-7a3e-4c1d-9a0e-5f2d6c4b3a21';
    const interrupted: TaxDelivery = { id: 'tax-delivery:4', deliveryNumber: 4, year: 2026, status: 'collecting', reporter, requestedAt: '2027-02-01T09:00:00.000Z', requestedBy: 'user:test', runId };
    expect(await new CosmosTaxDeliveries(database.container(cosmosContainers.taxDeliveries.id)).save(interrupted)).toBe('saved');
    const early = await fileOf(4);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: 'delivery_not_ready', detail: expect.stringContaining('delivery 4 is still being collected') });
    const meanwhile = await call('POST', '/admin/tax-report/2026/deliveries', undefined, 'Finance');
    expect(meanwhile.status).toBe(409);
    expect(await meanwhile.json()).toMatchObject({ error: 'delivery_in_progress' });
    await completedRun(call, runId);
    expect(await (await call('GET', '/admin/tax-report/deliveries/4', undefined, 'Finance')).json()).toMatchObject({ status: 'ready', counts: { reports: 0, corrections: 0 } });
    expect((await fileOf(4)).status).toBe(200);
    expect((await fileOf(91)).status).toBe(404);
    expect((await call('GET', '/admin/tax-report/deliveries/1/file', undefined, 'MemberServiceEditor')).status).toBe(403);
  });

  it('[Skatteindberetning][KomMed-GDPR] both runs are audited with the year they were for', async () => {
    const entries = ((await (await call('GET', `/admin/audit-log?actorId=${localStaff.Finance.oid}&pageSize=200`, undefined, 'Administrator')).json()) as { entries: AuditEntry[] }).entries;
    const actions = entries.map((entry) => `${entry.action} ${JSON.stringify(entry.criteria ?? {})}`);
    expect(actions).toEqual(expect.arrayContaining(['POST /admin/tax-report/:year/runs {"year":"2026"}', 'POST /admin/tax-report/:year/deliveries {"year":"2026"}']));
  });
});
