import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ParquetReader, openParquetReader } from '../../adapters/parquet/testDuckDb.js';
import { settableClock } from '../../adapters/system/settableClock.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, queueDrained, startTestStack, testStackStartsAt } from '../support/testStack.js';
import { contactKnown, plannedSend, roomySettings, senderRound, staffCall } from './support.js';

let stack: LocalStack;
let reader: ParquetReader;
const clock = settableClock(testStackStartsAt);
const call = staffCall(() => stack);
afterAll(async () => {
  await reader.close();
  await stack.stop();
});

const readers = { 'mail-ida': 'ida@example.dk', 'mail-gone': 'gone@example.dk', 'mail-full': 'full@example.dk', 'mail-quits': 'quits@example.dk' };
type PersonMessage = { id: string; sendId: string; outcome: string; events: { kind: string; reason?: string; hard?: boolean; url?: string }[] };
const messagesOf = async (contactId: string) => ((await (await call('GET', `/admin/persons/${personIdOf(contactId)}/messages`)).json()) as { messages: PersonMessage[] }).messages;
const mailTo = (address: string) => stack.email.sentEmails().filter((email) => email.to.includes(address));

let sendId: string;

beforeAll(async () => {
  stack = await startTestStack({ clock });
  reader = await openParquetReader();
  expect((await call('PUT', '/admin/sending/settings', roomySettings, 'Administrator')).status).toBe(200);
  for (const [contactId, email] of Object.entries(readers)) {
    await contactKnown(stack, contactId, { first_name: contactId === 'mail-ida' ? 'Ida' : 'Læser', last_name: 'Nyhed', email, contribution_code: 'NYHED2026', consents: [{ channel: 'email', given: true, at: '2026-05-01T10:00:00Z', source: 'NYHED2026' }] });
  }
  stack.email.bounces.set('gone@example.dk', { status: 'Bounced', statusMessage: '550 5.1.1 The email account that you tried to reach does not exist.' });
  stack.email.bounces.set('full@example.dk', { status: 'Bounced', statusMessage: '552 5.2.2 Mailbox full; the recipient has exceeded their storage quota.' });
  const template = await call('POST', '/admin/message-templates', {
    name: 'Nyhedsbrev november',
    team: 'fundraising',
    channel: 'email',
    email: { layout: 'newsletter', subject: 'Nyt fra MS, {{ first_name }}', blocks: [{ kind: 'heading', text: 'Hej {{ first_name }} <3' }, { kind: 'paragraph', text: 'Klimaet venter ikke.' }, { kind: 'button', text: 'Læs mere', url: 'https://ms.dk/klima' }] },
  });
  expect(template.status).toBe(201);
  const templateId = ((await template.json()) as { id: string }).id;
  const segment = await call('POST', '/admin/segment-definitions', { name: 'Nyhedsbrevslæsere', criteria: { campaignCodes: ['NYHED2026'] } });
  const send = await plannedSend(call, { name: 'Nyhedsbrev', templateId, audience: { kind: 'segment', segmentId: ((await segment.json()) as { id: string }).id } });
  expect(send.plan.recipients).toBe(4);
  sendId = send.id;
  await senderRound(stack);
  await eventually(() => expect(stack.email.sentEmails()).toHaveLength(4));
  await queueDrained(stack, 'email-reports');
});

describe('[CampaignAutomation10] mail through ACS', () => {
  it('[CampaignAutomation10][Permissionsstruktur2] every mail is laid out from the blocks, personal and escaped, from the team\'s sender, with the preference link and List-Unsubscribe headers', () => {
    const [mail] = mailTo('ida@example.dk');
    expect(mail).toMatchObject({ sender: 'indsamling@engine.ms.dk', subject: 'Nyt fra MS, Ida' });
    expect(mail!.html).toContain('Hej Ida &lt;3');
    expect(mail!.html).toContain('href="https://ms.dk/klima"');
    expect(mail!.text).toContain('Læs mere: https://ms.dk/klima');
    const headers = mail!.request.headers as Record<string, string>;
    expect(headers['List-Unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:7071\/preferences\/unsubscribe\?token=.+&m=[0-9a-f-]{36}>$/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail!.html).toMatch(/href="http:\/\/127\.0\.0\.1:7071\/preferences\?token=[^"]+&amp;m=[0-9a-f-]{36}"/);
  });
});

describe('[CARE-Interactions] what comes back', () => {
  it('[NFR-Performance][OnlineFundraising12] bounces come back through Event Grid with a plain reason: a hard one marks the address not working, a soft one does not', async () => {
    const gone = await eventually(async () => {
      const [message] = await messagesOf('mail-gone');
      expect(message!.outcome).toBe('bounced');
      return message!;
    });
    expect(gone.events.at(-1)).toMatchObject({ kind: 'bounced', reason: 'mailbox-does-not-exist', hard: true, code: '5.1.1' });
    const [full] = await messagesOf('mail-full');
    expect(full!.events.at(-1)).toMatchObject({ kind: 'bounced', reason: 'mailbox-full', hard: false });
    const person = async (contactId: string) => (await (await call('GET', `/admin/persons/${personIdOf(contactId)}`, undefined, 'MemberServiceEditor')).json()) as { invalid?: { email?: { reason: string } } };
    expect((await person('mail-gone')).invalid?.email).toMatchObject({ reason: 'email-bounced' });
    expect((await person('mail-full')).invalid?.email).toBeUndefined();
    expect((await messagesOf('mail-ida'))[0]!.outcome).toBe('delivered');
  });

  it('[CARE-Interactions][Rapportering1] opens and clicks come back through Event Grid, a one-click unsubscribe counts against the mail, and the interactions dataset read back by DuckDB compares them', async () => {
    const idaMessage = (await messagesOf('mail-ida'))[0]!;
    expect(await stack.email.engage(idaMessage.id, 'view')).toBe(202);
    expect(await stack.email.engage(idaMessage.id, 'click', 'https://ms.dk/klima?utm_source=mail')).toBe(202);
    const unsubscribe = (mailTo('quits@example.dk')[0]!.request.headers as Record<string, string>)['List-Unsubscribe']!.slice(1, -1).replace('http://127.0.0.1:7071', stack.engineUrl);
    expect((await fetch(unsubscribe, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(200);
    await queueDrained(stack, 'email-reports');
    await eventually(async () => expect((await messagesOf('mail-ida'))[0]!.outcome).toBe('clicked'));
    expect((await messagesOf('mail-quits'))[0]!.outcome).toBe('unsubscribed');
    const consents = (await (await call('GET', `/admin/persons/${personIdOf('mail-quits')}/consents`, undefined, 'MemberServiceEditor')).json()) as { current: { channel: string; granted: boolean }[] };
    expect(consents.current.filter((state) => state.channel === 'email').every((state) => !state.granted)).toBe(true);

    const run = (await (await call('POST', '/admin/jobs/export-datasets/run', {}, 'Administrator')).json()) as { id: string };
    await eventually(async () => expect(((await (await call('GET', `/admin/jobs/runs/${run.id}`, undefined, 'Administrator')).json()) as { status: string }).status).toBe('completed'), 30_000);
    const container = BlobServiceClient.fromConnectionString(stack.azurite.connectionString).getContainerClient('datasets');
    for await (const blob of container.listBlobsFlat({ prefix: 'interactions/' })) if (blob.name.endsWith('.parquet')) await reader.file(blob.name, await container.getBlobClient(blob.name).downloadToBuffer());
    const rows = await reader.query(`SELECT event, count(*)::INTEGER AS n, count(DISTINCT person_id)::INTEGER AS people FROM read_parquet('${reader.folder}/interactions/**/*.parquet') WHERE send_id = '${sendId}' GROUP BY event ORDER BY event`);
    expect(Object.fromEntries(rows.map((row) => [row.event, row.n]))).toEqual({ sent: 4, delivered: 2, bounced: 2, opened: 1, clicked: 1, unsubscribed: 1 });
    const details = await reader.query(`SELECT event, reason, hard, link FROM read_parquet('${reader.folder}/interactions/**/*.parquet') WHERE send_id = '${sendId}' AND event IN ('bounced', 'clicked') ORDER BY event, reason`);
    expect(details).toEqual([
      { event: 'bounced', reason: 'mailbox-does-not-exist', hard: true, link: null },
      { event: 'bounced', reason: 'mailbox-full', hard: false, link: null },
      { event: 'clicked', reason: null, hard: null, link: 'https://ms.dk/klima' },
    ]);
  });
});

describe('[CARE-Interactions] bad events', () => {
  const deliver = (body: unknown, key?: string, contentType = 'application/json') =>
    fetch(`${stack.engineUrl}/webhooks/acs-email`, { method: 'POST', headers: { 'content-type': contentType, ...(key && { 'x-engine-event-key': key }) }, body: JSON.stringify(body) });
  const opened = (messageId: string) => ({ id: `evt-${messageId}`, eventType: 'Microsoft.Communication.EmailEngagementTrackingReportReceived', eventTime: '2026-11-25T10:30:00Z', data: { sender: 's@ms.dk', recipient: 'r@ms.dk', messageId, userActionTimestamp: '2026-11-25T10:30:00Z', engagementType: 'view' } });

  it('[CARE-Interactions] an event with a wrong key is refused with 401 and an unknown type with 400 naming it; nothing is recorded', async () => {
    const message = (await messagesOf('mail-full'))[0]!;
    const before = message.events.length;
    expect((await deliver([opened(message.id)], 'not-the-key-0123456789abcdef0123456789')).status).toBe(401);
    expect((await deliver([opened(message.id)])).status).toBe(401);
    const unknown = await deliver([{ ...opened(message.id), eventType: 'Microsoft.Communication.SMSReceived' }], 'local-acs-events-webhook-key-0123456789abcdef');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { detail: string }).detail).toContain('Microsoft.Communication.SMSReceived');
    await queueDrained(stack, 'email-reports');
    expect((await messagesOf('mail-full'))[0]!.events).toHaveLength(before);
  });

  it('[CARE-Interactions] the same report as a CloudEvent is taken too, and a repeated event is recorded once', async () => {
    const message = (await messagesOf('mail-full'))[0]!;
    const cloud = { specversion: '1.0', id: 'cloud-open-1', type: 'Microsoft.Communication.EmailEngagementTrackingReportReceived', source: '/acs', time: '2026-11-25T11:00:00Z', data: opened(message.id).data };
    for (let attempt = 0; attempt < 2; attempt++) expect((await deliver(cloud, 'local-acs-events-webhook-key-0123456789abcdef', 'application/cloudevents+json')).status).toBe(202);
    await queueDrained(stack, 'email-reports');
    await eventually(async () => expect((await messagesOf('mail-full'))[0]!.events.filter((event) => event.kind === 'opened')).toHaveLength(1));
    const handshake = await fetch(`${stack.engineUrl}/webhooks/acs-email`, { method: 'OPTIONS', headers: { 'webhook-request-origin': 'eventgrid.azure.net' } });
    expect(handshake.headers.get('webhook-allowed-origin')).toBe('eventgrid.azure.net');
  });
});
