import { BlobServiceClient } from '@azure/storage-blob';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import { jsonLogger } from '../../adapters/system/jsonLogger.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { type ColleagueRole, adminHeaders, personIdOf, queueDrained, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
const logLines: string[] = [];
/** Every way the three CPR numbers of this file could be written in clear. */
const clearForms = ['0101901234', '010190-1234', '1512724021', '151272-4021', '2308814010', '230881-4010'];

beforeAll(async () => {
  stack = await startTestStack({ logger: jsonLogger({ service: 'ms-engine' }, (_level, line) => logLines.push(line)) });
});
afterAll(() => stack.stop());

const as = async (role: ColleagueRole, method: string, path: string, body?: unknown) =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { ...(await adminHeaders(stack, role)), ...(body !== undefined && { 'content-type': 'application/json' }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const cprOf = async (personId: string) => ((await (await as('MemberServiceEditor', 'GET', `/admin/persons/${personId}/cpr`)).json()) as { cpr: string | null }).cpr;

async function signUp(contactId: string, fields: Record<string, unknown>): Promise<void> {
  stack.onlineFundraising.put('contact', contactId, { first_name: 'Jens', last_name: 'Lyn', contribution_code: 'DON_WEB_SKAT', ...fields });
  await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: contactId, event: 'created' });
}

describe('[OnlineFundraising1][CampaignAutomation9] CPR numbers, sealed', () => {
  it('[OnlineFundraising1] a CPR number from OF\'s contact field is kept sealed; member service reads it, an analyst may not', async () => {
    await signUp('cpr-of-1', { email: 'jens.lyn@example.dk', cpr: '010190-1234' });
    const personId = personIdOf('cpr-of-1');
    await eventually(() => expect(stack.dataverse.row('contacts', personId)).toBeDefined());
    expect(await cprOf(personId)).toBe('0101901234');
    expect((await as('Analyst', 'GET', `/admin/persons/${personId}/cpr`)).status).toBe(403);
    expect(await (await as('MemberServiceEditor', 'GET', `/admin/persons/${personId}`)).json()).toMatchObject({ cprKnown: true });
  });

  it('[OnlineFundraising1][CARE-Dedupe] a second contact whose form field (mapped to cpr) holds the same number is the same person', async () => {
    expect((await as('Administrator', 'PUT', '/admin/field-mappings', { rules: [{ sourceField: 'cpr_nummer', target: 'cpr', type: 'text' }] })).status).toBe(200);
    await queueDrained(stack, 'of-notifications');
    await signUp('cpr-of-2', { first_name: 'J.', email: 'jl@firma.example.dk', phone: '31 41 51 61', custom_fields: { cpr_nummer: '0101901234', tshirt: 'L' } });
    await eventually(() => expect(stack.onlineFundraising.get('contact', 'cpr-of-2')?.merged_into_contact_id).toBe('cpr-of-1'));
    expect(stack.dataverse.row('contacts', personIdOf('cpr-of-2'))).toBeUndefined();
  });

  it('[CampaignAutomation7][OnlineFundraising1] a Drupal form that asks for the CPR number: sealed on arrival, and the same number finds the same person', async () => {
    const form = { formId: 'petition_skat', kind: 'petition', campaignCode: 'SKAT2026', petitionId: 'skat-2026', overwritableFields: [], grantsConsents: [], consentBoxes: [], cprField: 'cpr_nr' };
    expect((await as('Administrator', 'PUT', '/admin/drupal-forms', { forms: [form] })).status).toBe(200);
    stack.drupal.put('petition_skat', '1', { first_name: 'Jens', last_name: 'Lyn', email: 'jens.privat@example.dk', cpr_nr: '010190-1234' }, '2026-11-24T10:00:00+01:00');
    await stack.drupal.sendWebhook({ formId: 'petition_skat', submissionId: '1', event: 'created' });
    await queueDrained(stack, 'drupal-notifications');
    const { signatures } = await eventually(async () => {
      const listed = (await (await as('Administrator', 'GET', '/admin/petitions/skat-2026/signatures')).json()) as { signatures: { personId: string }[] };
      expect(listed.signatures).toHaveLength(1);
      return listed;
    });
    expect(signatures[0]!.personId).toBe(personIdOf('cpr-of-1'));
    const { submissions } = (await (await as('Administrator', 'GET', `/admin/persons/${personIdOf('cpr-of-1')}/form-submissions`)).json()) as { submissions: { fields: Record<string, string> }[] };
    expect(submissions.map((submission) => submission.fields)).toEqual([{ first_name: 'Jens', last_name: 'Lyn', email: 'jens.privat@example.dk' }]);
  });

  it('[CampaignAutomation9] member service enters a CPR number; an impossible date is refused naming the field and nothing is stored', async () => {
    await signUp('cpr-staff', { email: 'karin.holt@example.dk' });
    const personId = personIdOf('cpr-staff');
    await eventually(() => expect(stack.dataverse.row('contacts', personId)).toBeDefined());
    const impossible = await as('MemberServiceEditor', 'PUT', `/admin/persons/${personId}/cpr`, { cpr: '310290-1234' });
    expect(impossible.status).toBe(400);
    expect(await impossible.json()).toMatchObject({ error: 'invalid_cpr', fields: [{ field: 'cpr', problem: expect.stringContaining('does not exist') }] });
    expect(await cprOf(personId)).toBeNull();
    const entered = await as('MemberServiceEditor', 'PUT', `/admin/persons/${personId}/cpr`, { cpr: '151272-4021' });
    expect(await entered.json()).toEqual({ personId, cprKnown: true });
    expect(await cprOf(personId)).toBe('1512724021');
    expect((await as('Editor', 'PUT', `/admin/persons/${personId}/cpr`, { cpr: '2308814010' })).status).toBe(403);
  });

  it('[OnlineFundraising1][KomMed-GDPR] no clear CPR number in any Cosmos document, log line or dataset file', async () => {
    await signUp('cpr-bad', { email: 'bad.cpr@example.dk', cpr: '2308814010', custom_fields: {} });
    await eventually(() => expect(stack.dataverse.row('contacts', personIdOf('cpr-bad'))).toBeDefined());
    await queueDrained(stack, 'of-notifications');
    const started = (await (await as('Administrator', 'POST', '/admin/jobs/export-datasets/run')).json()) as { id: string };
    await eventually(async () => expect(((await (await as('Administrator', 'GET', `/admin/jobs/runs/${started.id}`)).json()) as { status: string }).status).toBe('completed'), 30_000);

    const cosmos = new CosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, connectionPolicy: { enableEndpointDiscovery: false } });
    const documents: string[] = [];
    for (const { id } of Object.values(cosmosContainers)) {
      const { resources } = await cosmos.database('ms-engine').container(id).items.query('SELECT * FROM c').fetchAll();
      documents.push(...resources.map((resource) => JSON.stringify(resource)));
    }
    cosmos.dispose();
    const datasets = BlobServiceClient.fromConnectionString(stack.azurite.connectionString).getContainerClient('datasets');
    const files: string[] = [];
    for await (const blob of datasets.listBlobsFlat()) files.push((await datasets.getBlobClient(blob.name).downloadToBuffer()).toString('latin1'));

    expect(documents.some((document) => document.includes('"cpr":{"keyVersion"'))).toBe(true);
    expect(files.length).toBeGreaterThan(0);
    expect(logLines.length).toBeGreaterThan(0);
    for (const clear of clearForms) {
      expect(documents.filter((document) => document.includes(clear)), clear).toEqual([]);
      expect(logLines.filter((line) => line.includes(clear)), clear).toEqual([]);
      expect(files.filter((file) => file.includes(clear)), clear).toEqual([]);
    }
  });
});
