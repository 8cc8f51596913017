import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidIds } from '../../adapters/system/UuidIds.js';
import { ledgerIdForImport } from '../../domain/bookkeeping/importPayments.js';
import { signWebhook } from '../../adapters/onlinefundraising/webhookSignature.js';
import { type LocalStack, localCredentials } from '../../local/stack.js';
import { bookkeepingApi } from '../bookkeeping/bookkeepingApi.js';
import { adminHeaders, queueDrained, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
let api: ReturnType<typeof bookkeepingApi>;

beforeAll(async () => {
  stack = await startTestStack();
  api = bookkeepingApi(stack);
  await api.saveChart();
});
afterAll(() => stack.stop());

const admin = async (method: string, path: string, body?: string | Uint8Array, contentType = 'application/json') =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { ...(await adminHeaders(stack)), ...(body !== undefined && { 'content-type': contentType }) }, ...(body !== undefined && { body }) });
const fieldsOf = async (response: Response) => ((await response.json()) as { fields: { field: string }[] }).fields.map((field) => field.field);
const stopListNames = async () => ((await (await admin('GET', '/admin/stop-list?pageSize=100')).json()) as { entries: { name?: string }[] }).entries.map((entry) => entry.name);

describe('[NFR-Input] size', () => {
  it('[NFR-Input] a body over its route\'s limit is refused with 413 naming the limit: webhooks, admin JSON, uploads', async () => {
    const webhookBody = JSON.stringify({ padding: 'x'.repeat(70 * 1024) });
    const webhook = await fetch(`${stack.engineUrl}/webhooks/onlinefundraising`, { method: 'POST', body: webhookBody, headers: { 'content-type': 'application/json', ...signWebhook(localCredentials.ofWebhookSecret, webhookBody, stack.clock.now()) } });
    expect(webhook.status).toBe(413);
    expect(await webhook.json()).toMatchObject({ error: 'body_too_large', message: expect.stringContaining('64 KiB') });

    const tooLargeTable = await admin('PUT', '/admin/field-mappings', JSON.stringify({ rules: [], padding: 'x'.repeat(1100 * 1024) }));
    expect(tooLargeTable.status).toBe(413);
    expect(await tooLargeTable.json()).toMatchObject({ error: 'body_too_large', message: expect.stringContaining('1 MiB'), fields: [{ field: 'body' }] });
  });

  it('[NFR-Input] an upload is counted while it is read: refused once over 10 MiB, long before the 1 GiB offered, and /health answers while it is being read', async () => {
    let pulledBytes = 0;
    let healthWhileReading: number | undefined;
    // 1 GiB offered a chunk at a time, with no length given, so only counting while reading can stop it.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (pulledBytes >= 1024 * 1024 * 1024) return controller.close();
        if (pulledBytes === 2 * 1024 * 1024) healthWhileReading = (await fetch(`${stack.engineUrl}/health`)).status;
        pulledBytes += 256 * 1024;
        controller.enqueue(new Uint8Array(256 * 1024).fill(0x61));
      },
    });
    const response = await stack.engine.http.request('/admin/imports/signatures?formId=petition_x', {
      method: 'POST',
      headers: { ...(await adminHeaders(stack)), 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'body_too_large', message: expect.stringContaining('10 MiB') });
    expect(pulledBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(pulledBytes).toBeLessThan(12 * 1024 * 1024);
    expect(healthWhileReading).toBe(200);
  });
});

describe('[NFR-Input] encoding', () => {
  const campaignFile = (name: string) => `Kampagnekode;Navn;Konto;Sag;Sagsopgave;Øremærket\nDON_WEB_NRF_ENC;${name};1010;SAG-1;OPG-1;nej\n`;
  const campaignName = async () => ((await (await admin('GET', '/admin/campaigns/DON_WEB_NRF_ENC')).json()) as { name: string }).name;
  const name = 'Søren Kierkegård, Ærø';

  it('[NFR-Input] a CSV from Danish Excel arrives intact whether UTF-8, UTF-8 with BOM or Windows-1252', async () => {
    const utf8 = new TextEncoder().encode(campaignFile(`"${name}"`));
    const windows1252 = Uint8Array.from(campaignFile(`"${name} 1252"`), (character) => character.charCodeAt(0));
    expect(windows1252.includes(0xf8)).toBe(true); // ø as one byte, as Excel writes it

    for (const [bytes, expected] of [
      [utf8, name],
      [Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), name],
      [windows1252, `${name} 1252`],
    ] as const) {
      const response = await admin('POST', '/admin/imports/campaigns', bytes, 'text/csv');
      expect(response.status, await response.clone().text()).toBe(200);
      expect(await campaignName()).toBe(expected);
    }
  });

  it('[NFR-Input] a file in an encoding the engine does not read is refused with how to save it, and changes nothing', async () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from(campaignFile('Ulla UTF-16')).flatMap((character) => [character.charCodeAt(0), 0])]);
    const refused = await admin('POST', '/admin/imports/campaigns', utf16, 'text/csv');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_encoding', message: expect.stringContaining('CSV UTF-8') });
    const mislabelled = await admin('POST', '/admin/imports/campaigns', Uint8Array.from([0xef, 0xbb, 0xbf, ...Uint8Array.from(campaignFile('Bad Ø'), (character) => character.charCodeAt(0))]), 'text/csv');
    expect(mislabelled.status).toBe(400);
    expect(await mislabelled.json()).toMatchObject({ error: 'invalid_encoding', message: expect.stringContaining('line 1') });
    expect(await campaignName()).not.toMatch(/UTF-16|Bad/);
  });

  it('[NFR-Input] a JSON body that is not valid UTF-8, or a field with broken text, is refused with 400 naming it and nothing is stored', async () => {
    const entry = (name: string) => JSON.stringify({ name, email: 'enc@example.dk', requestedAt: '2026-11-20', sms: true, telemarketing: true, source: 'test', addedBy: 'ms' });
    const latin1Body = Uint8Array.from(entry('Søren'), (character) => character.charCodeAt(0));
    const notUtf8 = await admin('POST', '/admin/stop-list', latin1Body);
    expect(notUtf8.status).toBe(400);
    expect(await notUtf8.json()).toMatchObject({ error: 'invalid_encoding', fields: [{ field: 'body' }] });

    const loneSurrogate = await admin('POST', '/admin/stop-list', entry('S\ud800ren'));
    expect(loneSurrogate.status).toBe(400);
    expect(await fieldsOf(loneSurrogate)).toEqual(['name']);
    const replacementCharacter = await admin('POST', '/admin/stop-list', entry('S\uFFFDren'));
    expect(await fieldsOf(replacementCharacter)).toEqual(['name']);
    expect((await stopListNames()).filter((stored) => stored?.startsWith('S'))).toEqual([]);

    const signedLatin1 = await fetch(`${stack.engineUrl}/webhooks/onlinefundraising`, { method: 'POST', body: latin1Body, headers: { 'content-type': 'application/json', ...signWebhook(localCredentials.ofWebhookSecret, latin1Body, stack.clock.now()) } });
    expect(signedLatin1.status).toBe(400);
  });

  it('[NFR-Input] a webhook signature is checked over the bytes sent, a byte-order mark included', async () => {
    const body = '\uFEFF{"notificationId":"c0a80101-0000-4000-8000-00000000b0b0","entity":"contact","entityId":"enc-1","event":"created","occurredAt":"2026-11-24T10:00:00Z"}';
    const bytes = new TextEncoder().encode(body);
    const signedWithoutBom = signWebhook(localCredentials.ofWebhookSecret, body.slice(1), stack.clock.now());
    const response = await fetch(`${stack.engineUrl}/webhooks/onlinefundraising`, { method: 'POST', body: bytes, headers: { 'content-type': 'application/json', ...signedWithoutBom } });
    expect(response.status).toBe(401);
  });
});

describe('[NFR-Input] ids', () => {
  const malformed = ['..%2Fx', 'a%2Fb', '%23', '%5C'];

  it('[NFR-Input] a malformed id in a path gets 400 naming the parameter on every route family, never 500', async () => {
    const routes: [string, (id: string) => string, string, string?][] = [
      ['GET', (id) => `/admin/persons/${id}/consents`, 'id'],
      ['GET', (id) => `/admin/persons/${id}/gift-total?year=2026`, 'id'],
      ['GET', (id) => `/admin/persons/${id}/form-submissions`, 'id'],
      ['GET', (id) => `/admin/persons/${id}/preference-link`, 'id'],
      ['POST', (id) => `/admin/persons/${id}/merge`, 'id', '{"mergedPersonId":"6f1c2a4e-3b7d-5e90-8c41-2d7a9b0e5f13","requestedBy":"ms"}'],
      ['POST', (id) => `/admin/persons/${id}/invalid-contact`, 'id', '{}'],
      ['GET', (id) => `/admin/payments/${id}`, 'id'],
      ['POST', (id) => `/admin/payments/${id}/refund`, 'id', '{}'],
      ['GET', (id) => `/admin/posting-runs/${id}`, 'id'],
      ['GET', (id) => `/admin/posting-runs/${id}/lines`, 'id'],
      ['POST', (id) => `/admin/dead-letters/${id}/replay`, 'id'],
      ['POST', (id) => `/admin/duplicate-reviews/${id}/decision`, 'id', '{}'],
      ['GET', (id) => `/admin/jobs/runs/${id}`, 'id'],
      ['POST', (id) => `/admin/jobs/${id}/run`, 'name', '{"requestedBy":"ms"}'],
      ['GET', (id) => `/admin/stop-list/${id}`, 'id'],
      ['DELETE', (id) => `/admin/stop-list/${id}`, 'id'],
      ['GET', (id) => `/admin/petitions/${id}/counts`, 'petitionId'],
      ['GET', (id) => `/admin/marketing-lists/${id}`, 'list'],
      ['POST', (id) => `/admin/agreements/${id}/cancel`, 'id', '{}'],
    ];
    for (const [method, path, parameter, body] of routes) {
      for (const id of malformed) {
        const response = await admin(method, path(id), body);
        expect(response.status, `${method} ${path(id)}`).toBe(400);
        expect(await fieldsOf(response), `${method} ${path(id)}`).toEqual([parameter]);
      }
    }
  });

  it('[NFR-Input] what can be known to be wrong now is refused now: a merge into oneself or an unknown person, a Dataverse webhook naming no GUID, a link for nobody', async () => {
    const nobody = '6f1c2a4e-3b7d-5e90-8c41-2d7a9b0e5f13';
    const self = await admin('POST', `/admin/persons/${nobody}/merge`, JSON.stringify({ mergedPersonId: nobody, requestedBy: 'ms' }));
    expect(self.status).toBe(400);
    expect(await fieldsOf(self)).toEqual(['mergedPersonId']);
    const unknown = await admin('POST', `/admin/persons/${nobody}/merge`, JSON.stringify({ mergedPersonId: '11111111-2222-4333-8444-555555555555', requestedBy: 'ms' }));
    expect(unknown.status).toBe(400);
    expect(await fieldsOf(unknown)).toEqual(['id', 'mergedPersonId']);
    const malformedBodyId = await admin('POST', `/admin/persons/${nobody}/merge`, JSON.stringify({ mergedPersonId: '../x', requestedBy: 'ms' }));
    expect(await fieldsOf(malformedBodyId)).toEqual(['mergedPersonId']);

    const crmMerge = (targetId: string) => ({
      MessageName: 'Merge', PrimaryEntityName: 'contact', PrimaryEntityId: nobody, UserId: nobody,
      InputParameters: [{ key: 'Target', value: { Id: targetId, LogicalName: 'contact' } }, { key: 'SubordinateId', value: 'not-a-guid' }],
    });
    const webhook = await fetch(`${stack.engineUrl}/webhooks/dataverse?code=${localCredentials.dataverseWebhookKey}`, { method: 'POST', body: JSON.stringify(crmMerge('a/b')), headers: { 'content-type': 'application/json' } });
    expect(webhook.status).toBe(400);
    expect(await fieldsOf(webhook)).toEqual(['InputParameters.Target.Id', 'InputParameters.SubordinateId']);

    expect((await admin('GET', `/admin/persons/${nobody}/preference-link`)).status).toBe(404);
    await queueDrained(stack, 'person-merges');
  });
});

describe('[NFR-Input] content types and imports', () => {
  it('[NFR-Input] a JSON route refuses a body of another type, and an upload route anything but CSV, with 415', async () => {
    const asText = await admin('PUT', '/admin/field-mappings', '{"rules":[]}', 'text/plain');
    expect(asText.status).toBe(415);
    expect(await fieldsOf(asText)).toEqual(['content-type']);
    const jsonUpload = await admin('POST', '/admin/imports/payments?source=bank_transfer', '{}', 'application/json');
    expect(jsonUpload.status).toBe(415);
  });

  it('[NFR-Input] a payment file with one bad row is refused whole; the corrected file imports every row once, and again nothing', async () => {
    const header = 'Dato;Reference;Beløb;Navn';
    const good = ['03-11-2026;BT-IN-1;150,00;Anna', '04-11-2026;BT-IN-2;200,00;Bo'];
    const upload = (rows: string[]) => admin('POST', '/admin/imports/payments?source=bank_transfer&campaignCode=DON_WEB_NRF_X', [header, ...rows].join('\n'), 'text/csv');
    const refused = await upload([good[0]!, '05-11-2026;BT-IN-3;ti kroner;Cai', good[1]!]);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'import_rejected', rejected: [{ line: 3, field: expect.any(String) }] });
    expect((await api.call('GET', '/admin/payments/' + paymentIdOf('BT-IN-1'))).status).toBe(404);

    const corrected = [good[0]!, '05-11-2026;BT-IN-3;10,00;Cai', good[1]!];
    expect((await upload(corrected)).status).toBe(200);
    expect((await (await upload(corrected)).json())).toMatchObject({ imported: 0, alreadyImported: 3 });
  });
});

function paymentIdOf(reference: string): string {
  return ledgerIdForImport(uuidIds, 'bank_transfer', reference);
}
