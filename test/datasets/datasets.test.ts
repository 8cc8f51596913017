import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ParquetReader, openParquetReader } from '../../adapters/parquet/testDuckDb.js';
import { datasetDefinitions } from '../../domain/datasets/definitions.js';
import type { JobRun } from '../../domain/jobs/JobRun.js';
import type { LocalStack } from '../../local/stack.js';
import { bookkeepingApi } from '../bookkeeping/bookkeepingApi.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, queueDrained, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
let reader: ParquetReader;
let api: ReturnType<typeof bookkeepingApi>;

beforeAll(async () => {
  stack = await startTestStack();
  reader = await openParquetReader();
  api = bookkeepingApi(stack);
  await api.saveChart();
});
afterAll(async () => {
  await reader.close();
  await stack.stop();
});

const of = () => stack.onlineFundraising;

/** A person in OF with agreements of these kinds (all active), notified to the engine. */
let phones = 0;
async function personWith(prefix: string, kinds: ('membership' | 'recurring_donation' | 'one_off_donation')[]) {
  of().put('contact', `${prefix}-c`, { first_name: 'Karen', last_name: `Blixen-${prefix}`, email: `${prefix}@example.dk`, phone: `+453131313${phones++}`, address: { street: 'Vestergade 1', street2: null, postal_code: '8000', city: 'Aarhus C', country: 'DK' } });
  await of().sendWebhook({ entity: 'contact', entityId: `${prefix}-c`, event: 'created' });
  for (const [index, type] of kinds.entries()) {
    of().put('agreement', `${prefix}-a${index}`, { contact_id: `${prefix}-c`, type, status: 'active', start_date: `2026-0${index + 1}-15`, contribution_code: 'DON_WEB_NRF_X' });
    await of().sendWebhook({ entity: 'agreement', entityId: `${prefix}-a${index}`, event: 'created' });
  }
}

async function payment(ofId: string, contact: string, amount: number, paidDate: string, status: 'confirmed' | 'refunded' = 'confirmed') {
  of().put('payment', ofId, { contact_id: contact, amount, status, channel: 'card', paid_date: paidDate, contribution_code: 'DON_WEB_NRF_X' });
  await of().sendWebhook({ entity: 'payment', entityId: ofId, event: 'updated' });
}

async function runJob(name: string): Promise<JobRun> {
  await queueDrained(stack, 'of-notifications');
  const started = await api.call('POST', `/admin/jobs/${name}/run`, { requestedBy: 'analyst@ms.dk' });
  expect(started.status, started.text).toBe(202);
  return eventually(async () => {
    const run = (await api.call('GET', `/admin/jobs/runs/${started.json().id}`)).json() as unknown as JobRun;
    expect(run.status).toBe('completed');
    return run;
  }, 30_000);
}

/** Downloads the datasets container into the reader's folder; returns the local root. */
async function downloadDatasets(): Promise<string> {
  const container = BlobServiceClient.fromConnectionString(stack.azurite.connectionString).getContainerClient('datasets');
  const root = `download-${Date.now()}`;
  for await (const blob of container.listBlobsFlat()) {
    await reader.file(`${root}/${blob.name}`, await container.getBlobClient(blob.name).downloadToBuffer());
  }
  return `${reader.folder}/${root}`;
}
const parquetOf = (root: string, dataset: string) => `read_parquet('${root}/${dataset}/**/*.parquet', hive_partitioning = true)`;

describe('[Rapportering1] Power BI datasets', () => {
  it('[Rapportering1][Rapportering2][Rapportering3] the export writes typed Parquet an independent reader (DuckDB) reads back, matching the engine\'s store, with refunds as negative rows and imports marked by source', async () => {
    await personWith('ds-member', ['membership']);
    await personWith('ds-both', ['membership', 'recurring_donation']);
    await personWith('ds-regular', ['recurring_donation']);
    await personWith('ds-oneoff', ['one_off_donation']);
    await personWith('ds-lead', []);
    await payment('ds-p1', 'ds-regular-c', 15_000, '2026-10-01');
    await payment('ds-p2', 'ds-regular-c', 15_000, '2026-11-01');
    await payment('ds-p3', 'ds-oneoff-c', 50_050, '2026-11-03', 'refunded');
    const imported = await api.call('POST', '/admin/imports/payments?source=mobilepay_business&campaignCode=DON_WEB_NRF_X', 'Dato;Transaktions-ID;Beløb;Navn\n05-11-2026;MP-DS-1;200,00;Anna Holm\n', 'text/csv');
    expect(imported.json()).toMatchObject({ imported: 1 });

    const run = await runJob('export-datasets');
    expect(run.counts).toMatchObject({ 'payments.rows': 5, 'people.rows': 5 });
    const root = await downloadDatasets();

    // Typed columns: dates as dates, money as DECIMAL(18,2) kroner, instants as timestamps.
    const types = await reader.types(parquetOf(root, 'payments'));
    expect(types).toMatchObject({ payment_date: 'DATE', amount: 'DECIMAL(18,2)', recorded_at: expect.stringMatching(/^TIMESTAMP/), person_id: 'VARCHAR' });
    expect((await reader.types(parquetOf(root, 'people'))).consent_email).toBe('BOOLEAN');

    // Row counts and sums against the engine's own store (the ledger, through the admin API).
    const [totals] = await reader.query(`SELECT count(*) AS rows, sum(amount)::VARCHAR AS total FROM ${parquetOf(root, 'payments')}`);
    const ledger = [...(await api.paymentsOf('ds-regular-c')), ...(await api.paymentsOf('ds-oneoff-c'))];
    expect(totals).toEqual({ rows: '5', total: ((ledger.reduce((sum, p) => sum + p.amountOre, 0) + 20_000) / 100).toFixed(2) });
    const refund = ledger.find((p) => p.amountOre < 0)!;
    expect(await reader.query(`SELECT amount::VARCHAR AS amount, refund_of, source FROM ${parquetOf(root, 'payments')} WHERE payment_id = '${refund.id}'`)).toEqual([{ amount: '-500.50', refund_of: refund.refundOf!, source: 'refund' }]);
    expect(await reader.query(`SELECT source, channel, payment_date::VARCHAR AS day, month FROM ${parquetOf(root, 'payments')} WHERE source = 'mobilepay_business'`)).toEqual([{ source: 'mobilepay_business', channel: 'mobilepay', day: '2026-11-05', month: '11' }]);

    // [Rapportering2] The classification analysts ask for first.
    const people = await reader.query(`SELECT person_id, classification, member_since::VARCHAR AS member_since FROM ${parquetOf(root, 'people')} ORDER BY person_id`);
    const classificationOf = (prefix: string) => people.find((row) => row.person_id === personIdOf(`${prefix}-c`));
    expect(classificationOf('ds-member')).toMatchObject({ classification: 'member', member_since: '2026-01-15' });
    expect(classificationOf('ds-both')).toMatchObject({ classification: 'member_with_regular_support' });
    expect(classificationOf('ds-regular')).toMatchObject({ classification: 'regular_supporter', member_since: null });
    expect(classificationOf('ds-oneoff')).toMatchObject({ classification: 'one_off_donor' });
    expect(classificationOf('ds-lead')).toMatchObject({ classification: 'lead' });

    // Every dataset has its schema, described in plain words.
    for (const dataset of datasetDefinitions) {
      const schema = JSON.parse(await (await import('node:fs/promises')).readFile(`${root}/${dataset.name}/_schema.json`, 'utf8'));
      expect(schema.columns.map((column: { name: string }) => column.name)).toEqual(dataset.columns.map((column) => column.name));
    }
  });

  it('[Rapportering1] no dataset carries names, emails, phone numbers, addresses or CPR numbers', async () => {
    await runJob('export-datasets');
    const root = await downloadDatasets();
    // Flags (consent_email, email_ok) say whether MS may or can use a channel, not the address itself;
    // `name` is a campaign's name.
    const identifying = /name|email|mail|phone|tlf|cpr|address|street|city/i;
    const flag = /^consent_|_ok$/;
    const carriesIdentifier = (name: string) => identifying.test(name) && !flag.test(name) && name !== 'name';
    for (const dataset of datasetDefinitions) expect(dataset.columns.map((column) => column.name).filter(carriesIdentifier), dataset.name).toEqual([]);
    const files = (await (await import('node:fs/promises')).readdir(root, { recursive: true })).filter((file) => String(file).endsWith('.parquet') || String(file).endsWith('.csv'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = (await (await import('node:fs/promises')).readFile(`${root}/${file}`)).toString('latin1');
      for (const secret of ['ds-member@example.dk', 'Blixen', '+4531313130', '31313130', 'Vestergade', 'Anna Holm']) expect(text.includes(secret), `${file} holds ${secret}`).toBe(false);
    }
  });

  it('[Rapportering1] the hourly export writes again only the months whose payments changed', async () => {
    await runJob('export-datasets');
    await payment('ds-p4', 'ds-regular-c', 7_500, '2026-11-20');
    const hourly = await runJob('export-datasets-hourly');
    expect(hourly.counts).toMatchObject({ 'payments.partitions': 1 });
    const root = await downloadDatasets();
    const [november] = await reader.query(`SELECT count(*) AS rows FROM ${parquetOf(root, 'payments')} WHERE month = '11'`);
    expect(november).toEqual({ rows: '5' });
  });

  it('[Rapportering1] every dataset reads back with its rows: agreements, signatures (a signer), campaigns, consent events and the daily groups', async () => {
    // A petition signer from an imported file, a campaign, a staff consent and a never-paying member in GROUP 1.
    const form = { formId: 'petition_ds', kind: 'petition', campaignCode: 'KLIMA_WEB_NRF', petitionId: 'ds-2026', overwritableFields: [], consentBoxes: [{ field: 'consent_email', channel: 'email', topic: 'all', text: 'Ja tak' }] };
    expect((await api.call('PUT', '/admin/drupal-forms', { forms: [form] })).status).toBe(200);
    const csv = 'first_name;last_name;email;phone;signed_at;postal_code;consent_email\nSigne;Sol;ds-signer@example.dk;;2026-11-02;2100;ja\n';
    expect((await api.call('POST', '/admin/imports/signatures?formId=petition_ds', csv, 'text/csv')).status).toBe(202);
    await queueDrained(stack, 'form-imports');
    await api.saveCampaign('KLIMA_WEB_NRF', { name: 'KLIMA_WEB_NRF', project: 'SAG-9' });
    of().put('contact', 'ds-g1-c', { first_name: 'Gert', last_name: 'Eet', email: 'ds-g1@example.dk' });
    of().put('agreement', 'ds-g1-a', { contact_id: 'ds-g1-c', type: 'membership', status: 'active', start_date: '2025-01-15' });
    of().put('subscription', 'ds-g1-s', { agreement_id: 'ds-g1-a', amount: 29_000, interval: 'monthly', status: 'active' });
    for (const [entity, id] of [['contact', 'ds-g1-c'], ['agreement', 'ds-g1-a'], ['subscription', 'ds-g1-s']] as const) await of().sendWebhook({ entity, entityId: id, event: 'created' });
    await runJob('dunning-groups');
    await runJob('export-datasets');
    const root = await downloadDatasets();

    const count = async (dataset: string, where = 'true') => (await reader.query(`SELECT count(*) AS n FROM ${parquetOf(root, dataset)} WHERE ${where}`))[0]!.n;
    expect(await count('agreements', `agreement_id = 'ds-g1-a' AND kind = 'membership' AND frequency = 'monthly' AND start_date = DATE '2025-01-15'`)).toBe('1');
    expect(await count('signatures', `petition_id = 'ds-2026' AND signed_on = DATE '2026-11-02' AND new_person`)).toBe('1');
    expect(await count('campaigns', `campaign_code = 'KLIMA_WEB_NRF' AND project = 'SAG-9' AND NOT restricted`)).toBe('1');
    expect(await count('consent_events', `channel = 'email' AND action = 'granted' AND source = 'playable-import'`)).toBe('1');
    expect(await count('dunning_groups', `"group" = 'group-1' AND person_id = '${personIdOf('ds-g1-c')}' AND agreement_ids = 'ds-g1-a'`)).toBe('1');
    const signer = await reader.query(`SELECT s.person_id, p.classification FROM ${parquetOf(root, 'signatures')} s JOIN ${parquetOf(root, 'people')} p USING (person_id) WHERE s.petition_id = 'ds-2026'`);
    expect(signer.map((row) => row.classification)).toEqual(['signer']);
    expect((await reader.types(parquetOf(root, 'consent_events'))).event_at).toMatch(/^TIMESTAMP/);
  });

  it('[CARE-Interactions] delivery outcomes of mails and SMS become interaction rows, and the hourly export picks up new ones', async () => {
    const report = (sendId: string, channel: 'email' | 'phone', outcomes: [string, boolean][]) =>
      api.call('POST', '/admin/delivery-outcomes', { sendId, channel, outcomes: outcomes.map(([prefix, delivered]) => ({ personId: personIdOf(`${prefix}-c`), delivered })) });
    expect((await report('nyhedsbrev-uge-48', 'email', [['ds-member', true], ['ds-both', false]])).status).toBe(200);
    await runJob('export-datasets');
    let root = await downloadDatasets();
    const events = async () => reader.query(`SELECT send_id, channel, person_id, event FROM ${parquetOf(root, 'interactions')} ORDER BY send_id, event`);
    expect(await events()).toEqual([
      { send_id: 'nyhedsbrev-uge-48', channel: 'email', person_id: personIdOf('ds-both-c'), event: 'bounced' },
      { send_id: 'nyhedsbrev-uge-48', channel: 'email', person_id: personIdOf('ds-member-c'), event: 'delivered' },
    ]);
    expect((await reader.types(parquetOf(root, 'interactions'))).reported_on).toBe('DATE');

    expect((await report('sms-indsamling', 'phone', [['ds-regular', false]])).status).toBe(200);
    const hourly = await runJob('export-datasets-hourly');
    expect(hourly.counts).toMatchObject({ 'interactions.partitions': 1, 'interactions.rows': 3 });
    root = await downloadDatasets();
    expect((await events()).map((row) => row.event)).toEqual(['bounced', 'delivered', 'failed']);
  });

  it('[Rapportering1] staff load the postcode table and people get their municipality; a bad table is refused by line and changes nothing', async () => {
    const bad = await api.call('PUT', '/admin/postcode-municipalities', 'postnr;kommune\n8000;Aarhus\n80x0;Aarhus\n', 'text/csv');
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid_rows', fields: [{ field: 'line 3' }] });
    const loaded = await api.call('PUT', '/admin/postcode-municipalities', 'postnr;kommune\n8000;Aarhus\n2100;København\n', 'text/csv');
    expect(loaded.json()).toEqual({ postcodes: 2 });
    await runJob('export-datasets');
    const root = await downloadDatasets();
    expect(await reader.query(`SELECT DISTINCT postcode, municipality FROM ${parquetOf(root, 'people')} WHERE postcode = '8000'`)).toEqual([{ postcode: '8000', municipality: 'Aarhus' }]);
  });

  it('[Rapportering1] the datasets and the container are listed for analysts', async () => {
    const listed = await fetch(`${stack.engineUrl}/admin/datasets`, { headers: await adminHeaders(stack) });
    const body = (await listed.json()) as { container: string; datasets: { name: string }[] };
    expect(body.container).toMatch(/\/datasets$/);
    expect(body.datasets.map((dataset) => dataset.name)).toEqual(['payments', 'people', 'agreements', 'signatures', 'campaigns', 'consent_events', 'dunning_groups', 'interactions']);
  });
});
