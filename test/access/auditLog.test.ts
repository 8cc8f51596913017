import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../domain/audit/AuditEntry.js';
import type { DataSubjectExport } from '../../domain/person/dataSubjectExport.js';
import { localStaff } from '../../local/simulators/signin/localStaff.js';
import type { LocalStack } from '../../local/stack.js';
import { bookkeepingApi } from '../bookkeeping/bookkeepingApi.js';
import { eventually } from '../support/eventually.js';
import { type ColleagueRole, adminHeaders, personIdOf, queueDrained, startTestStack } from '../support/testStack.js';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
  await bookkeepingApi(stack).saveChart();
  const form = { formId: 'petition_hav', kind: 'petition', campaignCode: 'HAV2026', petitionId: 'hav-2026', overwritableFields: [], grantsConsents: [], consentBoxes: [] };
  expect((await as('Administrator', 'PUT', '/admin/drupal-forms', { forms: [form] })).status).toBe(200);
});
afterAll(() => stack.stop());

const as = async (role: ColleagueRole, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { ...(await adminHeaders(stack, role)), ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const auditAbout = async (query: string) => ((await (await as('Administrator', 'GET', `/admin/audit-log?${query}`)).json()) as { entries: AuditEntry[] }).entries;

let nextPhone = 26_55_44_30;
async function signedUp(contactId: string, phone = String(nextPhone++)): Promise<string> {
  stack.onlineFundraising.put('contact', contactId, { first_name: 'Ole', last_name: 'Dahl', email: `${contactId}@example.dk`, phone, consents: [{ channel: 'email', given: true, at: '2026-10-01T09:00:00.000Z', source: 'HAV2026' }] });
  await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: contactId, event: 'created' });
  await eventually(() => expect(stack.dataverse.row('contacts', personIdOf(contactId))).toBeDefined());
  return personIdOf(contactId);
}

describe('[KomMed-GDPR] the audit log', () => {
  it('[KomMed-GDPR] a read of a person names the colleague from their token, the person and the purpose given', async () => {
    const personId = await signedUp('au-read');
    expect((await as('MemberServiceEditor', 'GET', `/admin/persons/${personId}`, undefined, { 'x-audit-purpose': 'Opkald fra personen 2/12' })).status).toBe(200);
    const [entry] = await auditAbout(`personId=${personId}`);
    expect(entry).toMatchObject({
      actor: { kind: 'user', id: localStaff.MemberServiceEditor.oid, name: localStaff.MemberServiceEditor.name },
      action: 'GET /admin/persons/:id',
      kind: 'read',
      personIds: [personId],
      purpose: 'Opkald fra personen 2/12',
      day: '2026-11-25',
    });
  });

  it('[KomMed-GDPR] a change is entered before it is made, and a merge names both people', async () => {
    const survivor = await signedUp('au-change-1');
    const merged = await signedUp('au-change-2');
    expect((await as('MemberServiceEditor', 'POST', `/admin/persons/${survivor}/consents`, { changes: [{ channel: 'sms', topic: 'all', action: 'granted' }] })).status).toBe(201);
    expect((await as('Editor', 'POST', `/admin/persons/${survivor}/merge`, { mergedPersonId: merged })).status).toBe(202);
    const entries = await auditAbout(`personId=${merged}`);
    expect(entries.map(({ action, kind, personIds, actor }) => ({ action, kind, personIds, actor: actor.name }))).toContainEqual({ action: 'POST /admin/persons/:id/merge', kind: 'change', personIds: [survivor, merged], actor: localStaff.Editor.name });
    expect((await auditAbout(`personId=${survivor}`)).map((entry) => entry.action)).toEqual(expect.arrayContaining(['POST /admin/persons/:id/consents', 'POST /admin/persons/:id/merge']));
  });

  it('[KomMed-GDPR] exports are entered with their count and criteria: a segment file and the Power BI datasets', async () => {
    const groups = (await (await as('Editor', 'POST', '/admin/jobs/dunning-groups/run')).json()) as { id: string };
    await eventually(async () => expect(((await (await as('Editor', 'GET', `/admin/jobs/runs/${groups.id}`)).json()) as { status: string }).status).toBe('completed'), 30_000);
    const segment = await as('Editor', 'GET', '/admin/segments/group-1?format=csv&channel=email');
    expect(segment.status).toBe(200);
    const started = (await (await as('Editor', 'POST', '/admin/jobs/export-datasets/run')).json()) as { id: string };
    await eventually(async () => expect(((await (await as('Editor', 'GET', `/admin/jobs/runs/${started.id}`)).json()) as { status: string }).status).toBe('completed'), 30_000);
    const byEditor = await auditAbout(`actorId=${localStaff.Editor.oid}`);
    expect(byEditor.find((entry) => entry.action === 'GET /admin/segments/:group')).toMatchObject({ kind: 'export', count: expect.any(Number), criteria: { group: 'group-1', format: 'csv', channel: 'email' } });
    const datasets = byEditor.find((entry) => entry.action === 'job export-datasets');
    expect(datasets).toMatchObject({ kind: 'export', actor: { id: localStaff.Editor.oid }, criteria: { datasets: expect.stringContaining('people') } });
    expect(datasets!.count).toBeGreaterThan(0);
  });

  it('[KomMed-GDPR] no action without its entry: while the audit log cannot be written, a change answers 503 and is not made, and a read gives nothing away', async () => {
    const personId = await signedUp('au-down');
    const cosmos = new CosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, connectionPolicy: { enableEndpointDiscovery: false } });
    const database = cosmos.database('ms-engine');
    // The audit log's container is gone (as if Cosmos refused every write to it) until the test puts it back.
    await database.container('audit-log').delete();
    try {
      const change = await as('MemberServiceEditor', 'POST', `/admin/persons/${personId}/consents`, { changes: [{ channel: 'sms', topic: 'all', action: 'granted' }] });
      expect(change.status).toBe(503);
      expect(await change.json()).toMatchObject({ error: 'audit_unavailable' });
      const read = await as('MemberServiceEditor', 'GET', `/admin/persons/${personId}`);
      expect(read.status).toBe(503);
      expect(await read.text()).not.toContain('Ole');
    } finally {
      await database.containers.createIfNotExists({ id: 'audit-log', partitionKey: { paths: ['/day'] } });
      cosmos.dispose();
    }
    const { entries } = (await (await as('Administrator', 'GET', `/admin/persons/${personId}/consents`)).json()) as { entries: { channel: string }[] };
    expect(entries.map((entry) => entry.channel)).toEqual(['email']);
  });

  it('[KomMed-GDPR] only administrators read the audit log, by person or by colleague, and must say which', async () => {
    expect((await as('Analyst', 'GET', `/admin/audit-log?actorId=${localStaff.Analyst.oid}`)).status).toBe(403);
    const neither = await as('Administrator', 'GET', '/admin/audit-log');
    expect(neither.status).toBe(400);
    expect(await neither.json()).toMatchObject({ fields: [{ field: 'personId' }] });
  });
});

describe('[KomMed-GDPR] the data-subject access export', () => {
  it('[KomMed-GDPR] one document holds every kind of record the engine keeps about the person, and the export is itself audited', async () => {
    const of = stack.onlineFundraising;
    const personId = await signedUp('au-subject', '26 99 44 33');
    of.put('agreement', 'au-subject-a', { contact_id: 'au-subject', type: 'one_off_donation', status: 'active', contribution_code: 'HAV2026', restricted: false });
    of.put('payment', 'au-subject-p', { contact_id: 'au-subject', agreement_id: 'au-subject-a', amount: 20_000, status: 'confirmed', channel: 'card', paid_date: '2026-11-10', contribution_code: 'HAV2026' });
    await of.sendWebhook({ entity: 'agreement', entityId: 'au-subject-a', event: 'created' });
    await of.sendWebhook({ entity: 'payment', entityId: 'au-subject-p', event: 'created' });
    stack.drupal.put('petition_hav', '1', { first_name: 'Ole', last_name: 'Dahl', email: 'au-subject@example.dk', phone: '26 99 44 33' }, '2026-11-24T10:00:00+01:00');
    await stack.drupal.sendWebhook({ formId: 'petition_hav', submissionId: '1', event: 'created' });
    await as('MemberServiceEditor', 'POST', '/admin/stop-list', { phone: '+45 26 99 44 33', requestedAt: '2026-11-20', sms: true, telemarketing: false, source: 'medlemsservice' });
    await as('Integration', 'POST', '/admin/delivery-outcomes', { sendId: 'nyhedsbrev-47', channel: 'email', outcomes: [{ personId, delivered: true }] });
    await queueDrained(stack, 'of-notifications');
    await queueDrained(stack, 'drupal-notifications');

    const exported = await eventually(async () => {
      const response = await as('MemberServiceEditor', 'GET', `/admin/persons/${personId}/export`, undefined, { 'x-audit-purpose': 'Indsigtsanmodning' });
      expect(response.status).toBe(200);
      const document = (await response.json()) as DataSubjectExport;
      expect(document.signatures).toHaveLength(1);
      expect(document.payments).toHaveLength(1);
      return document;
    });
    expect(exported.person).toMatchObject({ id: personId, firstName: 'Ole', emails: ['au-subject@example.dk'], cprKnown: false });
    expect(exported.person).not.toHaveProperty('cpr');
    expect(exported.consents.log.map((entry) => entry.channel)).toContain('email');
    expect(exported.onlineFundraisingRecords.map((record) => record.entity).sort()).toEqual(expect.arrayContaining(['agreement', 'payment']));
    expect(exported.payments[0]).toMatchObject({ amountOre: 20_000 });
    expect(exported.signatures[0]).toMatchObject({ petitionId: 'hav-2026', personId });
    expect(exported.formSubmissions).toHaveLength(1);
    expect(exported.stopListEntries).toEqual([expect.objectContaining({ phone: '+4526994433', sms: true })]);
    expect(exported.interactions).toEqual([expect.objectContaining({ sendId: 'nyhedsbrev-47', channel: 'email', outcome: 'delivered' })]);
    expect(exported.auditEntries.map((entry) => entry.action)).toContain('GET /admin/persons/:id/export');
    expect((await auditAbout(`personId=${personId}`))[0]).toMatchObject({ action: 'GET /admin/persons/:id/export', kind: 'export', purpose: 'Indsigtsanmodning' });
    expect((await as('Analyst', 'GET', `/admin/persons/${personId}/export`)).status).toBe(403);
  });
});
