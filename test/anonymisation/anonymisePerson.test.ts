import { BlobServiceClient } from '@azure/storage-blob';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import { mirrorEntitySets } from '../../adapters/dataverse/mirrorColumns.js';
import { onlineFundraisingEntities } from '../../adapters/onlinefundraising/notification.js';
import type { DeadLetter } from '../../domain/deadletters/DeadLetter.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { type ColleagueRole, adminHeaders, personIdOf, queueDrained, startTestStack, testStackStartsAt } from '../support/testStack.js';
import { settableClock } from '../../adapters/system/settableClock.js';

let stack: LocalStack;
const clock = settableClock(testStackStartsAt);
beforeAll(async () => {
  stack = await startTestStack({ clock });
  const forms = { forms: [{ formId: 'petition_hav', kind: 'petition', campaignCode: 'HAV2026', petitionId: 'hav-2026', overwritableFields: [], grantsConsents: [], consentBoxes: [] }] };
  expect((await as('Administrator', 'PUT', '/admin/drupal-forms', forms)).status).toBe(200);
});
afterAll(() => stack.stop());

const as = async (role: ColleagueRole, method: string, path: string, body?: unknown) =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { ...(await adminHeaders(stack, role)), ...(body !== undefined && { 'content-type': 'application/json' }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const personOf = async (personId: string) => (await (await as('MemberServiceEditor', 'GET', `/admin/persons/${personId}`)).json()) as Record<string, unknown>;
const petitionCounts = async () => (await (await as('Administrator', 'GET', '/admin/petitions/hav-2026/counts')).json()) as { all: number; deduplicated: number };
const retryingLetters = async () =>
  ((await (await as('Administrator', 'GET', '/admin/dead-letters?status=retrying&pageSize=100')).json()) as { items: DeadLetter[] }).items.filter((letter) => letter.queue === 'anonymisations');

/** Everything that could identify Ingeborg, as she typed it and as the engine normalises it. */
const traces = ['Ingeborg', 'Qvistgaard', 'ingeborg.qvistgaard@example.dk', '21 43 65 87', '+4521436587', 'Strandvejen 149', 'Hellerup', '0101901234', '010190-1234', 'Havhest'];

/** A supporter with everything: an OF contact with consents and CPR, a recurring donation with a recent and an old payment, an SMS, a Drupal petition signature. */
async function supporter(contactId: string, drupalSubmissionId: string): Promise<string> {
  const of = stack.onlineFundraising;
  of.put('contact', contactId, {
    first_name: 'Ingeborg',
    last_name: 'Qvistgaard',
    email: 'ingeborg.qvistgaard@example.dk',
    phone: '21 43 65 87',
    address: { street: 'Strandvejen 149', street2: null, postal_code: '2900', city: 'Hellerup', country: 'DK' },
    cpr: '010190-1234',
    consents: [{ channel: 'email', given: true, at: '2026-01-05T09:00:00Z', source: 'web' }],
    custom_fields: { kaeledyr: 'Havhest' },
  });
  of.put('agreement', `${contactId}-a`, { contact_id: contactId, type: 'recurring_donation', status: 'active', contribution_code: 'DON_WEB', start_date: '2018-01-01' });
  of.put('payment', `${contactId}-new`, { contact_id: contactId, agreement_id: `${contactId}-a`, amount: 15_000, status: 'confirmed', channel: 'card', paid_date: '2026-10-01' });
  of.put('payment', `${contactId}-old`, { contact_id: contactId, agreement_id: `${contactId}-a`, amount: 15_000, status: 'confirmed', channel: 'card', paid_date: '2019-03-01' });
  of.put('data_set', `${contactId}-sms`, { type: 'sms_inbound', contact_id: contactId, phone: '21 43 65 87', received_at: '2026-11-20T12:00:00Z', keyword: 'HAV', text: 'Hilsen Ingeborg Qvistgaard, Strandvejen 149' });
  for (const [entity, id] of [['contact', contactId], ['agreement', `${contactId}-a`], ['payment', `${contactId}-new`], ['payment', `${contactId}-old`], ['data_set', `${contactId}-sms`]] as const) {
    await of.sendWebhook({ entity, entityId: id, event: 'created' });
  }
  await queueDrained(stack, 'of-notifications');
  stack.drupal.put('petition_hav', drupalSubmissionId, { first_name: 'Ingeborg', last_name: 'Qvistgaard', email: 'ingeborg.qvistgaard@example.dk' }, '2026-11-24T10:00:00+01:00');
  await stack.drupal.sendWebhook({ formId: 'petition_hav', submissionId: drupalSubmissionId, event: 'created' });
  await queueDrained(stack, 'drupal-notifications');
  const personId = personIdOf(contactId);
  await eventually(() => expect(stack.dataverse.row('contacts', personId)).toMatchObject({ lastname: 'Qvistgaard' }));
  return personId;
}

async function everythingStored(): Promise<{ cosmos: string[]; dataverse: string[]; onlineFundraising: string[]; datasets: string[] }> {
  const client = new CosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, connectionPolicy: { enableEndpointDiscovery: false } });
  const cosmos: string[] = [];
  for (const { id } of Object.values(cosmosContainers)) {
    const { resources } = await client.database('ms-engine').container(id).items.query('SELECT * FROM c').fetchAll();
    cosmos.push(...resources.map((resource) => JSON.stringify(resource)));
  }
  client.dispose();
  const started = (await (await as('Administrator', 'POST', '/admin/jobs/export-datasets/run')).json()) as { id: string };
  await eventually(async () => expect(((await (await as('Administrator', 'GET', `/admin/jobs/runs/${started.id}`)).json()) as { status: string }).status).toBe('completed'), 30_000);
  const container = BlobServiceClient.fromConnectionString(stack.azurite.connectionString).getContainerClient('datasets');
  const datasets: string[] = [];
  for await (const blob of container.listBlobsFlat()) datasets.push((await container.getBlobClient(blob.name).downloadToBuffer()).toString('latin1'));
  const onlineFundraising = onlineFundraisingEntities.flatMap((entity) => stack.onlineFundraising.store.matching(entity, {}).map((record) => JSON.stringify(record)));
  const dataverse = ['contacts', 'accounts', ...Object.values(mirrorEntitySets)].flatMap((table) => stack.dataverse.rows(table).map((row) => JSON.stringify(row)));
  return { cosmos, dataverse, onlineFundraising, datasets };
}

describe('[GDPR1][OnlineFundraising5] anonymising one person, here, in OF and in the CRM', () => {
  let personId: string;
  let countsBefore: { all: number; deduplicated: number };

  it('[GDPR1][OnlineFundraising5] member service anonymises; OF fails for a while, the queue retries, and a replayed OF or Drupal notification meanwhile recreates nothing', async () => {
    personId = await supporter('anon-full', '501');
    countsBefore = await eventually(async () => {
      const counts = await petitionCounts();
      expect(counts.all).toBe(1);
      return counts;
    });
    stack.onlineFundraising.injectFault({ method: 'POST', path: '/api/v1/contacts/*/anonymize', status: 503, times: 100_000 });

    const started = await as('MemberServiceEditor', 'POST', `/admin/persons/${personId}/anonymise`, { reason: 'persons-request', requestedOn: '2026-11-24', stopList: 'leave' });
    expect(started.status).toBe(202);
    expect(await started.json()).toMatchObject({ personId, status: 'pending', kept: { cprKept: true, paymentsKept: 1, paymentsRemoved: 1, signaturesKept: 1, firstRetainedYear: 2021 } });
    await eventually(async () => expect((await retryingLetters()).find((letter) => letter.subject === `person:${personId}`)?.failures).toBeGreaterThanOrEqual(2), 30_000);

    // OF still holds her data: replayed notifications must not bring it back.
    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'anon-full', event: 'updated' });
    await stack.onlineFundraising.sendWebhook({ entity: 'data_set', entityId: 'anon-full-sms', event: 'updated' });
    await stack.drupal.sendWebhook({ formId: 'petition_hav', submissionId: '501', event: 'updated' });
    await queueDrained(stack, 'of-notifications');
    await queueDrained(stack, 'drupal-notifications');
    expect(await personOf(personId)).toMatchObject({ firstName: '', lastName: '', emails: [], anonymisation: { status: 'pending' } });

    stack.onlineFundraising.clearFaults();
    await eventually(async () => expect(await personOf(personId)).toMatchObject({ anonymisation: { status: 'anonymised', anonymisedAt: expect.any(String), outside: { onlineFundraising: { status: 'confirmed' }, crm: { status: 'confirmed' } } } }), 30_000);
    const anonymiseCalls = stack.onlineFundraising.requests().filter((request) => request.method === 'POST' && request.path === '/api/v1/contacts/anon-full/anonymize');
    expect(anonymiseCalls.filter((call) => call.status === 200)).toHaveLength(1);
    expect(anonymiseCalls.filter((call) => call.status === 503).length).toBeGreaterThanOrEqual(2);
    expect(stack.onlineFundraising.get('contact', 'anon-full')).toMatchObject({ email: null, phone: null, address: null, anonymized_at: expect.any(String) });
    expect(stack.dataverse.row('contacts', personId)).toMatchObject({ firstname: null, lastname: null, emailaddress1: null, mobilephone: null, msengine_anonymisedon: expect.any(String) });

    // And after: OF's own notification of the anonymised contact, replayed, makes nobody.
    const contactsBefore = stack.dataverse.rows('contacts').length;
    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'anon-full', event: 'updated' });
    await queueDrained(stack, 'of-notifications');
    expect(await personOf(personId)).toMatchObject({ firstName: '', emails: [], anonymisation: { status: 'anonymised' } });
    expect(stack.dataverse.rows('contacts')).toHaveLength(contactsBefore);
    expect(stack.onlineFundraising.requests().filter((call) => call.method === 'POST' && call.path === '/api/v1/contacts/anon-full/anonymize' && call.status === 200)).toHaveLength(1);
  });

  it('[GDPR1] the person still counts in the petition totals', async () => {
    expect(await petitionCounts()).toEqual(countsBefore);
  });

  it('[GDPR1] no name, email, phone or address is left in Cosmos, the CRM, OF or the datasets; the CPR number only sealed, as the rule keeps it', async () => {
    await queueDrained(stack, 'of-notifications');
    // The projector writes the anonymised OF records to the CRM's mirror tables.
    await stack.engine.timerFunctions.find((fn) => fn.name === 'crmProjector')!.handle();
    const stored = await everythingStored();
    expect(stored.datasets.length).toBeGreaterThan(0);
    for (const [where, texts] of Object.entries(stored)) {
      for (const trace of traces) expect(texts.filter((text) => text.includes(trace)), `${trace} in ${where}`).toEqual([]);
    }
    const tombstone = stored.cosmos.find((text) => text.includes(`"id":"${personId}"`) && text.includes('"anonymisation"'));
    expect(tombstone).toContain('"cpr":{"keyVersion"');
  });

  it('[GDPR1] anonymising again, an unknown person or with a bad request: a clear 4xx and nothing changed', async () => {
    const again = await as('MemberServiceEditor', 'POST', `/admin/persons/${personId}/anonymise`, { reason: 'persons-request', requestedOn: '2026-11-24', stopList: 'leave' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'already_anonymised' });
    const unknown = await as('MemberServiceEditor', 'POST', '/admin/persons/0d1f9a43-6f3e-4c51-9a4b-0d1f9a436f3e/anonymise', { reason: 'persons-request', requestedOn: '2026-11-24', stopList: 'leave' });
    expect(unknown.status).toBe(404);
    const other = await supporter('anon-bad', '502');
    const future = await as('MemberServiceEditor', 'POST', `/admin/persons/${other}/anonymise`, { reason: 'persons-request', requestedOn: '2026-12-24', stopList: 'leave' });
    expect(future.status, await future.clone().text()).toBe(400);
    expect(await future.json()).toMatchObject({ error: 'invalid_anonymisation_request', fields: [{ field: 'requestedOn' }] });
    const noReason = await as('MemberServiceEditor', 'POST', `/admin/persons/${other}/anonymise`, { requestedOn: '2026-11-24', stopList: 'leave' });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ fields: [{ field: 'reason' }] });
    expect((await as('Analyst', 'POST', `/admin/persons/${other}/anonymise`, { reason: 'persons-request', requestedOn: '2026-11-24', stopList: 'leave' })).status).toBe(403);
    expect(await personOf(other)).toMatchObject({ firstName: 'Ingeborg', emails: ['ingeborg.qvistgaard@example.dk'] });
    expect((await personOf(other)).anonymisation).toBeUndefined();
  });
});

describe('[GDPR1] anonymising a segment: a dry run, then confirmed by its count', () => {
  const quiet = ['quiet-1', 'quiet-2'];
  const segment = { criteria: { noEngagementSince: '2020-01-01', noPaymentSince: '2020-01-01' } };

  beforeAll(async () => {
    clock.set('2019-06-01T10:00:00Z');
    for (const contactId of quiet) {
      stack.onlineFundraising.put('contact', contactId, { first_name: 'Stille', last_name: `Sørensen ${contactId}`, email: `${contactId}@example.dk`, consents: [{ channel: 'email', given: true, at: '2019-06-01T09:00:00Z', source: 'web' }] });
      await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: contactId, event: 'created' });
    }
    await queueDrained(stack, 'of-notifications');
    clock.set(testStackStartsAt);
  });

  it('[GDPR1] the dry run says how many and who, and changes nothing', async () => {
    const dryRun = await as('Administrator', 'POST', '/admin/anonymisation/segments/dry-run', segment);
    expect(dryRun.status).toBe(200);
    expect(await dryRun.json()).toEqual({ ...segment, count: 2, personIds: quiet.map(personIdOf).sort() });
    for (const contactId of quiet) expect((await personOf(personIdOf(contactId))).anonymisation).toBeUndefined();
  });

  it('[GDPR1] a segment without criteria, or a confirmation with another count: a clear 4xx and nothing changed', async () => {
    const noCriteria = await as('Administrator', 'POST', '/admin/anonymisation/segments/dry-run', { criteria: {} });
    expect(noCriteria.status).toBe(400);
    expect(await noCriteria.json()).toMatchObject({ error: 'invalid_anonymisation_request', fields: [{ field: 'criteria' }] });
    const wrongCount = await as('Administrator', 'POST', '/admin/anonymisation/segments', { ...segment, expectedCount: 3, reason: 'no-longer-needed', requestedOn: '2026-11-25' });
    expect(wrongCount.status).toBe(409);
    expect(await wrongCount.json()).toMatchObject({ error: 'segment_count_changed', message: expect.stringContaining('holds 2 person(s), not the 3') });
    expect((await as('MemberServiceEditor', 'POST', '/admin/anonymisation/segments/dry-run', segment)).status).toBe(403);
    for (const contactId of quiet) expect(await personOf(personIdOf(contactId))).toMatchObject({ firstName: 'Stille' });
  });

  it('[GDPR1] confirmed with its count, the segment is anonymised by a job with progress, here, in OF and in the CRM', async () => {
    const confirmed = await as('Administrator', 'POST', '/admin/anonymisation/segments', { ...segment, expectedCount: 2, reason: 'no-longer-needed', note: 'årlig oprydning', requestedOn: '2026-11-25' });
    expect(confirmed.status).toBe(202);
    const { run } = (await confirmed.json()) as { run: { id: string } };
    await eventually(async () => {
      const progress = (await (await as('Administrator', 'GET', `/admin/jobs/runs/${run.id}`)).json()) as Record<string, unknown>;
      expect(progress).toMatchObject({ status: 'completed', progress: { done: 2, total: 2, unit: 'persons' }, counts: { persons: 2, anonymised: 2, skipped: 0 } });
    }, 30_000);
    for (const contactId of quiet) {
      await eventually(async () => expect(await personOf(personIdOf(contactId))).toMatchObject({ firstName: '', anonymisation: { status: 'anonymised', reason: 'no-longer-needed' } }), 30_000);
      expect(stack.onlineFundraising.get('contact', contactId)).toMatchObject({ email: null, anonymized_at: expect.any(String) });
      expect(stack.dataverse.row('contacts', personIdOf(contactId))).toMatchObject({ lastname: null, emailaddress1: null });
    }
    const again = await as('Administrator', 'POST', '/admin/anonymisation/segments/dry-run', segment);
    expect(await again.json()).toMatchObject({ count: 0 });
  });
});
