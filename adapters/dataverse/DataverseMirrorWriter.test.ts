import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MirrorRecord } from '../../domain/mirror/MirrorRecord.js';
import { type DataverseSimulator, startDataverseSimulator } from '../../local/simulators/dataverse/server.js';
import { type DataverseMirrorWriterOptions, DataverseMirrorWriter } from './DataverseMirrorWriter.js';
import { dataverseClientFor } from './testClient.js';
import { aDataSet, aPayment, aSubscription, manyDataSets, mirrorIds, oneOfEachKind, personId } from './testMirrorRecords.js';

let sim: DataverseSimulator;

beforeAll(async () => {
  sim = await startDataverseSimulator();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.setThrottle({ maxRequests: 6000, windowMs: 300_000 });
});

const writerOn = (options: DataverseMirrorWriterOptions = {}, client: Parameters<typeof dataverseClientFor>[1] = {}) =>
  new DataverseMirrorWriter(dataverseClientFor(sim, client), options);

async function write(writer: DataverseMirrorWriter, records: MirrorRecord[]) {
  return writer.writeMany(records.map((record) => writer.project(record)));
}

const batchRequests = () => sim.requests().filter((entry) => entry.path === '/api/data/v9.2/$batch');
const upsertsPerBatch = () =>
  sim.batchOperations().reduce<number[]>((counts, operation) => {
    counts[operation.batch - 1] = (counts[operation.batch - 1] ?? 0) + 1;
    return counts;
  }, []);

async function createContact(): Promise<void> {
  await dataverseClientFor(sim).upsert('contacts', personId, { lastname: 'Jensen' });
  sim.clearRequests();
}

describe('[OnlineFundraising2] DataverseMirrorWriter.writeMany', () => {
  it('writes records of all six kinds in one $batch, each row under its engine id with its lookups bound to its parents', async () => {
    await createContact();
    const records = oneOfEachKind();

    const results = await write(writerOn(), records);

    expect(results).toEqual(records.map((record) => ({ key: writerOn().project(record).key, ok: true })));
    expect(batchRequests().map((entry) => entry.status)).toEqual([200]);
    expect(upsertsPerBatch()).toEqual([6]);
    expect(sim.row('msengine_agreements', mirrorIds.agreement)).toMatchObject({ msengine_ofid: 'of-agr-1', _msengine_contactid_value: personId });
    expect(sim.row('msengine_subscriptions', mirrorIds.subscription)).toMatchObject({
      msengine_amount: 150.5,
      _msengine_agreementid_value: mirrorIds.agreement,
    });
    expect(sim.row('msengine_paymentmethods', mirrorIds.paymentMethod)).toMatchObject({
      msengine_maskedreference: '**** 1234',
      _msengine_contactid_value: personId,
      _msengine_agreementid_value: mirrorIds.agreement,
    });
    expect(sim.row('msengine_payments', mirrorIds.payment)).toMatchObject({
      msengine_amount: 150.5,
      msengine_paiddate: '2024-07-02',
      _msengine_contactid_value: personId,
      _msengine_agreementid_value: mirrorIds.agreement,
      _msengine_subscriptionid_value: mirrorIds.subscription,
      _msengine_paymentmethodid_value: mirrorIds.paymentMethod,
    });
    expect(sim.row('msengine_addons', mirrorIds.addOn)).toMatchObject({
      msengine_amount: 25,
      _msengine_agreementid_value: mirrorIds.agreement,
      _msengine_subscriptionid_value: mirrorIds.subscription,
    });
    expect(sim.row('msengine_datasets', mirrorIds.dataSet)).toMatchObject({
      msengine_fields: '{"keyword":"STOT","text":"STOT 100"}',
      msengine_receivedon: '2024-06-01T08:29:59Z',
      _msengine_contactid_value: personId,
    });
  });

  it('writes a lookup whose parent has not arrived as empty, and binds it when the record is written again after the parent arrived', async () => {
    await createContact();
    const writer = writerOn();
    await write(writer, oneOfEachKind().slice(0, 1));

    const waiting = await write(writer, [aPayment({ waitingFor: [mirrorIds.subscription, mirrorIds.paymentMethod] })]);
    expect(waiting).toEqual([expect.objectContaining({ ok: true })]);
    expect(sim.row('msengine_payments', mirrorIds.payment)).toMatchObject({ _msengine_agreementid_value: mirrorIds.agreement, _msengine_subscriptionid_value: null });

    await write(writer, [aSubscription(), aPayment({ waitingFor: [mirrorIds.paymentMethod] })]);
    expect(sim.row('msengine_payments', mirrorIds.payment)).toMatchObject({ _msengine_subscriptionid_value: mirrorIds.subscription });
  });

  it('writing the same records twice leaves one row each, with the newest values (upsert by engine id)', async () => {
    await createContact();
    const writer = writerOn();
    await write(writer, oneOfEachKind());

    const again = await write(writer, [...oneOfEachKind().slice(0, 5), aDataSet({ record: { ...aDataSet().record, text: 'STOP' } })]);

    expect(again.every((result) => result.ok)).toBe(true);
    for (const table of ['msengine_agreements', 'msengine_subscriptions', 'msengine_paymentmethods', 'msengine_payments', 'msengine_addons', 'msengine_datasets']) {
      expect(sim.rows(table), table).toHaveLength(1);
    }
    expect(sim.row('msengine_datasets', mirrorIds.dataSet)?.['msengine_text']).toBe('STOP');
  });

  it('sends 250 records with batch size 100 as exactly 3 $batch requests of 100, 100 and 50 upserts', async () => {
    const results = await write(writerOn({ batchSize: 100 }), manyDataSets(250));

    expect(results.filter((result) => result.ok)).toHaveLength(250);
    expect(batchRequests()).toHaveLength(3);
    expect(upsertsPerBatch()).toEqual([100, 100, 50]);
    expect(sim.rows('msengine_datasets')).toHaveLength(250);
  });

  it('reports a record Dataverse refuses as failed, with its error, and writes the others of the same batch', async () => {
    const [first, second, third, fourth] = manyDataSets(4) as [MirrorRecord, MirrorRecord, MirrorRecord, MirrorRecord];
    const tooLong = { ...second, record: { ...second.record, text: 'x'.repeat(2001) } } as MirrorRecord;
    const parentMissing = aPayment({ id: fourth.id });

    const results = await write(writerOn(), [first, tooLong, third, parentMissing]);

    expect(results.map((result) => result.ok)).toEqual([true, false, true, false]);
    expect(results[1]?.error).toBe(
      "Dataverse answered 400: 0x80044331 A validation error occurred. The length of the 'msengine_text' attribute of the 'msengine_dataset' entity exceeded the maximum allowed length of '2000'.",
    );
    expect(results[3]?.error).toMatch(/^Dataverse answered 404: 0x80040217 Entity 'contact' With Id = .* Does Not Exist$/);
    expect(batchRequests()).toHaveLength(1);
    expect(sim.rows('msengine_datasets').map((row) => row['msengine_datasetid'])).toEqual([first.id, third.id]);
    expect(sim.rows('msengine_payments')).toEqual([]);
  });

  it('sends nothing for no records, and refuses a batch size Dataverse would not take', async () => {
    expect(await writerOn().writeMany([])).toEqual([]);
    expect(sim.requests()).toEqual([]);
    expect(() => writerOn({ batchSize: 1001 })).toThrow(RangeError);
    expect(() => writerOn({ batchSize: 0 })).toThrow(RangeError);
  });
});

describe('[NFR-Throttle] DataverseMirrorWriter under service protection', () => {
  it('a 429 on a $batch: waits Retry-After, sends the batch again and loses nothing', async () => {
    sim.injectFault({ method: 'POST', path: '/api/data/v9.2/$batch', status: 429, retryAfterSeconds: 1 });

    const results = await write(writerOn({ batchSize: 50 }), manyDataSets(100));

    expect(results.every((result) => result.ok)).toBe(true);
    expect(batchRequests().map((entry) => entry.status)).toEqual([429, 200, 200]);
    expect(sim.rows('msengine_datasets')).toHaveLength(100);
  });

  it('a 429 storm (5 requests per 2 s, 1000 records in batches of 50): paced by the requests left, it is never answered 429 and every row exists', async () => {
    sim.setThrottle({ maxRequests: 5, windowMs: 2_000 });
    const records = manyDataSets(1000);

    const results = await write(writerOn({ batchSize: 50, pacing: { reserve: 0, windowMs: 2_000, marginMs: 50 } }), records);

    expect(results.filter((result) => result.ok)).toHaveLength(1000);
    // The writer is Dataverse's only caller here, so pacing accounts for every counted request: no 429 at all.
    expect(batchRequests().map((entry) => entry.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(upsertsPerBatch()).toEqual(Array.from({ length: 20 }, () => 50));
    expect(new Set(sim.rows('msengine_datasets').map((row) => row['msengine_datasetid']))).toEqual(new Set(records.map((record) => record.id)));
  });

  it('the same storm without pacing: the throttle answers 429s, each batch is resent after Retry-After and nothing is lost', async () => {
    sim.setThrottle({ maxRequests: 5, windowMs: 2_000 });

    const results = await write(writerOn({ batchSize: 50, pacing: { reserve: -1 } }), manyDataSets(1000));

    expect(results.filter((result) => result.ok)).toHaveLength(1000);
    const statuses = batchRequests().map((entry) => entry.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses).toContain(429);
    expect(statuses.at(-1)).toBe(200);
    expect(sim.rows('msengine_datasets')).toHaveLength(1000);
  });

  it('a 429 that outlasts the retries: that batch and the ones after it report failure unsent; the next round writes them', async () => {
    sim.injectFault({ method: 'POST', path: '/api/data/v9.2/$batch', status: 429, retryAfterSeconds: 1, times: 2 });
    const writer = writerOn({ batchSize: 50 }, { retryPolicy: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5_000, maxRetryAfterMs: 5_000 } });
    const records = manyDataSets(100);

    const failed = await write(writer, records);

    expect(failed).toHaveLength(100);
    expect(failed.every((result) => !result.ok && result.error?.startsWith('not written: Dataverse answered 429'))).toBe(true);
    expect(batchRequests().map((entry) => entry.status)).toEqual([429, 429]);
    expect(sim.rows('msengine_datasets')).toEqual([]);

    const nextRound = await write(writer, records);

    expect(nextRound.every((result) => result.ok)).toBe(true);
    expect(sim.rows('msengine_datasets')).toHaveLength(100);
  });
});
