import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '@azure/cosmos';
import { signWebhook } from '../../adapters/onlinefundraising/webhookSignature.js';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import type { ConsentState } from '../../domain/consent/currentConsents.js';
import type { Person } from '../../domain/person/Person.js';
import { type LocalStack, localCredentials } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, queueDrained, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
let persons: Container;

const petitionForm = {
  formId: 'petition_klima',
  kind: 'petition',
  campaignCode: 'KLIMA2026_NRF',
  petitionId: 'klima-2026',
  overwritableFields: ['phone'],
  grantsConsents: [],
  consentBoxes: [
    { field: 'consent_email', channel: 'email', topic: 'all', text: 'Ja tak, MS må skrive til mig om klima på mail.' },
    { field: 'consent_sms', channel: 'sms', topic: 'all', text: 'Ja tak, MS må sende mig SMS om klima.' },
    { field: 'consent_phone', channel: 'phone', topic: 'all', text: 'Ja tak, MS må ringe til mig om klima.' },
  ],
};
const allTicked = { consent_email: '1', consent_sms: '1', consent_phone: '1' };

beforeAll(async () => {
  stack = await startTestStack();
  persons = createCosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, database: 'ms-engine' }).database('ms-engine').container(cosmosContainers.persons.id);
  const saved = await admin('PUT', '/admin/drupal-forms', { forms: [petitionForm, { formId: 'newsletter', kind: 'newsletter', marketingList: 'klima-nyhedsbrev', overwritableFields: [], grantsConsents: [{ channel: 'email', topic: 'newsletter-1' }], consentText: 'Ja tak, send mig nyhedsbrevet om klima.' }] });
  expect(saved.status).toBe(200);
});
afterAll(() => stack.stop());

const admin = async (method: string, path: string, body?: unknown) =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...(await adminHeaders(stack)) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const counts = async () => (await (await admin('GET', '/admin/petitions/klima-2026/counts')).json()) as { all: number; deduplicated: number; newLeads: number; withdrawn: number };
const consentsOf = async (personId: string) => ((await (await admin('GET', `/admin/persons/${personId}/consents`)).json()) as { current: ConsentState[] }).current;
const granted = (current: ConsentState[], channel: string) => current.find((state) => state.channel === channel && state.topic === 'all')?.granted ?? false;

let nextSubmission = 1;
async function sign(fields: Record<string, string>, formId = 'petition_klima'): Promise<string> {
  const submissionId = String(nextSubmission++);
  stack.drupal.put(formId, submissionId, fields, '2026-11-24T10:00:00+01:00');
  const delivery = await stack.drupal.sendWebhook({ formId, submissionId, event: 'created' });
  expect(delivery.status).toBe(202);
  return submissionId;
}

describe('[OnlineFundraising15] petitions signed on ms.dk', () => {
  it('[OnlineFundraising15][Leadflow] three signature counts: all, de-duplicated on phone and email, new leads; a withdrawal lowers them', async () => {
    await sign({ first_name: 'Ida', last_name: 'Holm', email: 'ida@example.dk', phone: '26 10 20 30' });
    await sign({ first_name: 'Ida', last_name: 'Holm', email: 'IDA@example.dk', phone: '' });
    await sign({ first_name: 'Per', last_name: 'Lund', email: 'per@example', phone: '26 40 50 60' });
    await queueDrained(stack, 'drupal-notifications');
    await eventually(async () => expect(await counts()).toMatchObject({ all: 3, deduplicated: 2, newLeads: 2 }));

    const { signatures } = (await (await admin('GET', '/admin/petitions/klima-2026/signatures')).json()) as { signatures: { id: string; emailOk: boolean; phoneOk: boolean }[] };
    expect(signatures.filter((signature) => !signature.emailOk)).toHaveLength(1);
    const withdrawn = await admin('POST', `/admin/petitions/klima-2026/signatures/${signatures[0]!.id}/withdraw`, { withdrawnBy: 'ms@ms.dk' });
    expect(withdrawn.status).toBe(200);
    expect((await counts()).all).toBe(2);
  });

  it('[OnlineFundraising15][Permissionsstruktur1] a signature logs the consents the person ticked, each with its box\'s text, and not a phone consent they withdrew before', async () => {
    stack.onlineFundraising.put('contact', 'id-f1', { first_name: 'Bent', last_name: 'Krog', email: 'bent@example.dk', phone: '26 77 88 99' });
    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'id-f1', event: 'created' });
    const personId = personIdOf('id-f1');
    await eventually(() => expect(stack.dataverse.row('contacts', personId)).toBeDefined());
    await admin('POST', `/admin/persons/${personId}/consents`, { changes: [{ channel: 'phone', topic: 'all', action: 'withdrawn' }], enteredBy: 'ms@ms.dk', at: '2026-01-01T00:00:00.000Z' });

    await sign({ first_name: 'Bent', last_name: 'Krog', email: 'bent@example.dk', phone: '26 77 88 99', consent_email: '1', consent_sms: '', consent_phone: '1' });
    await eventually(async () => expect(granted(await consentsOf(personId), 'email')).toBe(true));
    const current = await consentsOf(personId);
    expect(granted(current, 'sms')).toBe(false);
    expect(granted(current, 'phone')).toBe(false);
    const { entries } = (await (await admin('GET', `/admin/persons/${personId}/consents`)).json()) as { entries: { channel: string; action: string; consentText?: string; source: { kind: string } }[] };
    expect(entries.filter((entry) => entry.source.kind === 'drupal-form').map(({ channel, action, consentText }) => ({ channel, action, consentText }))).toEqual([
      { channel: 'email', action: 'granted', consentText: 'Ja tak, MS må skrive til mig om klima på mail.' },
    ]);
  });

  it('[Permissionsstruktur1] a form may grant consents by submitting only where its text says so', async () => {
    const withoutText = await admin('PUT', '/admin/drupal-forms', { forms: [{ ...petitionForm, grantsConsents: [{ channel: 'email', topic: 'all' }] }] });
    expect(withoutText.status).toBe(400);
    expect(((await withoutText.json()) as { fields: { field: string }[] }).fields.map((field) => field.field)).toEqual(['forms.0.consentText']);
    expect(((await (await admin('GET', '/admin/drupal-forms')).json()) as { forms: { formId: string }[] }).forms.map((form) => form.formId)).toContain('newsletter');
  });

  it('[OnlineFundraising15] the form’s policy decides what it may overwrite: a petition never renames a known person, but may change their phone', async () => {
    stack.onlineFundraising.put('contact', 'id-f2', { first_name: 'Karen', last_name: 'Berg', email: 'karen@example.dk', phone: '26 12 13 14' });
    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'id-f2', event: 'created' });
    const personId = personIdOf('id-f2');
    await eventually(() => expect(stack.dataverse.row('contacts', personId)).toBeDefined());

    await sign({ first_name: 'Kaja', last_name: 'Bjerg', email: 'karen@example.dk', phone: '26 15 16 17' });
    await eventually(async () => expect((await persons.item(personId, personId).read<Person>()).resource?.phones.primary).toBe('+4526151617'));
    const person = (await persons.item(personId, personId).read<Person>()).resource!;
    expect({ firstName: person.firstName, lastName: person.lastName }).toEqual({ firstName: 'Karen', lastName: 'Berg' });
  });

  it('[OnlineFundraising15] a submission deleted in Drupal withdraws its signature', async () => {
    await queueDrained(stack, 'drupal-notifications');
    const before = await counts();
    const submissionId = await sign({ first_name: 'Ulla', last_name: 'Dam', email: 'ulla@example.dk' });
    await eventually(async () => expect((await counts()).all).toBe(before.all + 1));
    stack.drupal.delete('petition_klima', submissionId);
    expect((await stack.drupal.sendWebhook({ formId: 'petition_klima', submissionId, event: 'deleted' })).status).toBe(202);
    await eventually(async () => expect(await counts()).toMatchObject({ all: before.all, withdrawn: before.withdrawn + 1 }));
  });

  it('[OnlineFundraising15][Leadflow][NFR-Input][Permissionsstruktur1] a Playable CSV takes the same path: a file with bad rows is refused whole with every bad row by line; the corrected file is taken, and uploaded again (or grown by a row) records no signer twice', async () => {
    await queueDrained(stack, 'drupal-notifications');
    const before = await counts();
    const header = 'first_name;last_name;email;phone;signed_at;postal_code;consent_sms';
    const good = ['Sara;Vang;sara@example.dk;26 30 40 50;2026-11-01;8000;ja', 'Ole;Bak;ole(at)example;26 31 41 51;2026-11-02;8000;'];
    const bad = ['Nobody;Known;;;2026-11-01;8000;', 'Tove;Ask;tove@example.dk;;første november;8000;', 'Too;Few;values'];
    const upload = async (rows: string[]) => fetch(`${stack.engineUrl}/admin/imports/signatures?formId=petition_klima`, { method: 'POST', body: [header, ...rows].join('\n'), headers: { 'content-type': 'text/csv', ...(await adminHeaders(stack)) } });

    const refused = await upload([good[0]!, ...bad, good[1]!]);
    expect(refused.status).toBe(400);
    const refusal = (await refused.json()) as { error: string; rejected: { line: number; field: string }[] };
    expect(refusal.error).toBe('import_rejected');
    expect(refusal.rejected.map(({ line, field }) => `${line}:${field}`)).toEqual(['3:email', '4:signed_at', '5:row', '5:signed_at']);
    await queueDrained(stack, 'form-imports');
    expect(await counts()).toMatchObject({ all: before.all });

    const corrected = [good[0]!, 'Tove;Ask;tove@example.dk;;2026-11-01;8000;', good[1]!];
    const first = await upload(corrected);
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ accepted: 3, rejected: [] });
    await eventually(async () => expect(await counts()).toMatchObject({ all: before.all + 3, newLeads: before.newLeads + 3 }));
    const { signatures } = (await (await admin('GET', '/admin/petitions/klima-2026/signatures')).json()) as { signatures: { personId: string; source: { kind: string }; emailOk: boolean; phoneOk: boolean }[] };
    const imported = signatures.filter((signature) => signature.source.kind === 'playable-import');
    expect(imported.map(({ emailOk, phoneOk }) => ({ emailOk, phoneOk })).sort((a, b) => Number(a.emailOk) - Number(b.emailOk) || Number(a.phoneOk) - Number(b.phoneOk))).toEqual([
      { emailOk: false, phoneOk: true },
      { emailOk: true, phoneOk: false },
      { emailOk: true, phoneOk: true },
    ]);
    // [Permissionsstruktur1] A row grants only the consents its columns carry: Sara ticked SMS, nobody ticked email.
    const sara = imported.find((signature) => signature.emailOk && signature.phoneOk)!;
    await eventually(async () => expect(granted(await consentsOf(sara.personId), 'sms')).toBe(true));
    expect(granted(await consentsOf(sara.personId), 'email')).toBe(false);
    for (const other of imported.filter((signature) => signature !== sara)) expect((await consentsOf(other.personId)).filter((state) => state.granted)).toEqual([]);

    // The same signers again, in another order and with one more: only the new one counts.
    expect((await upload(['Per;Lund;per@example.dk;;2026-11-03;8000;', ...corrected.reverse()])).status).toBe(202);
    await eventually(async () => expect((await counts()).all).toBe(before.all + 4));
    await queueDrained(stack, 'form-imports');
    expect((await counts()).all).toBe(before.all + 4);
  });

  it('[OnlineFundraising15] an import that is no CSV, lacks a column or names an unknown form is refused with 400, and nothing is queued', async () => {
    const post = async (formId: string, body: string) => fetch(`${stack.engineUrl}/admin/imports/signatures?formId=${formId}`, { method: 'POST', body, headers: { 'content-type': 'text/csv', ...(await adminHeaders(stack)) } });
    const unterminated = await post('petition_klima', 'first_name,last_name,email,phone,signed_at\n"Anna,Berg,a@example.dk,,2026-11-01\n');
    expect(unterminated.status).toBe(400);
    expect(await unterminated.json()).toMatchObject({ error: 'malformed_csv' });
    const lacking = await post('petition_klima', 'first_name,email\nAnna,a@example.dk\n');
    expect(lacking.status).toBe(400);
    expect(((await lacking.json()) as { error: string; fields: { field: string }[] }).fields.map((field) => field.field)).toEqual(['last_name', 'phone', 'signed_at']);
    const unknown = await post('no_such_form', 'first_name,last_name,email,phone,signed_at\n');
    expect(await unknown.json()).toMatchObject({ error: 'unknown_form' });
    await queueDrained(stack, 'form-imports');
  });

  it('[OnlineFundraising15] a newsletter signup puts the person on the form’s marketing list once, with the newsletter consent', async () => {
    const members = async () => ((await (await admin('GET', '/admin/marketing-lists/klima-nyhedsbrev')).json()) as { members: { personId: string; source: { kind: string } }[] }).members;
    await sign({ first_name: 'Nora', last_name: 'Frost', email: 'nora@example.dk' }, 'newsletter');
    const [member] = await eventually(async () => {
      const found = await members();
      expect(found).toHaveLength(1);
      return found;
    });
    expect(member!.source.kind).toBe('drupal-form');
    const { submissions } = (await (await admin('GET', `/admin/persons/${member!.personId}/form-submissions`)).json()) as { submissions: { formId: string; fields: Record<string, string> }[] };
    expect(submissions[0]).toMatchObject({ formId: 'newsletter', fields: { first_name: 'Nora', email: 'nora@example.dk' } });
    expect(granted(await consentsOf(member!.personId), 'email')).toBe(false);
    expect((await consentsOf(member!.personId)).find((state) => state.topic === 'newsletter-1')?.granted).toBe(true);
    await sign({ first_name: 'Nora', last_name: 'Frost', email: 'nora@example.dk' }, 'newsletter');
    await queueDrained(stack, 'drupal-notifications');
    expect(await members()).toHaveLength(1);
  });

  it('[OnlineFundraising15] a notification for a form nobody configured is refused with 400 unknown_form, and nothing is queued', async () => {
    const body = JSON.stringify({ notificationId: 'n-1', formId: 'mystery_form', submissionId: '1', event: 'created', occurredAt: stack.clock.now().toISOString() });
    const response = await fetch(`${stack.engineUrl}/webhooks/drupal`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...signWebhook(localCredentials.drupalWebhookSecret, body, stack.clock.now()) },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unknown_form', fields: [{ field: 'formId' }] });
    const unsigned = await fetch(`${stack.engineUrl}/webhooks/drupal`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(401);
  });
});
