import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../adapters/system/settableClock.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, queueDrained, startTestStack, testStackStartsAt } from '../support/testStack.js';
import { contactKnown, plannedSend, roomySettings, senderRound, staffCall } from './support.js';

let stack: LocalStack;
const clock = settableClock(testStackStartsAt);
const call = staffCall(() => stack);
afterAll(() => stack.stop());

const smsConsent = (at: string) => [{ channel: 'sms', given: true, at, source: 'KLIMA2026' }];
const smsTo = (phone: string) => stack.onlineFundraising.smsOutbox.all().filter((sms) => sms.recipient === phone);
type PersonMessage = { id: string; sendId: string; status: string; skipReason?: string; outcome: string; events: { kind: string; reason?: string }[] };
const messagesOf = async (personId: string) => ((await (await call('GET', `/admin/persons/${personId}/messages`)).json()) as { messages: PersonMessage[] }).messages;

let appealTemplateId: string;

beforeAll(async () => {
  stack = await startTestStack({ clock });
  expect((await call('PUT', '/admin/sending/settings', roomySettings, 'Administrator')).status).toBe(200);
  await contactKnown(stack, 'sms-preben', { first_name: 'Preben', last_name: 'Kristensen', email: 'preben@example.dk', phone: '26 10 20 30', consents: smsConsent('2026-05-01T10:00:00Z') });
  const template = await call('POST', '/admin/message-templates', {
    name: 'Klima-appel',
    team: 'fundraising',
    channel: 'sms',
    landingUrl: 'https://ms.dk/stoet-klima',
    sms: { sender: 'MS', text: 'Hej {{ first_name }}! Støt klimaindsatsen med {{ amount_kr }} kr: {{ landing_link }}', amountOre: 5_000 },
  });
  expect(template.status).toBe(201);
  appealTemplateId = ((await template.json()) as { id: string }).id;
});

describe('[OnlineFundraising7] SMS through OF', () => {
  it('[OnlineFundraising7] the preview shows the SMS with the person\'s name, the amount and the landing link, and how many parts it is billed as', async () => {
    const preview = (await (await call('POST', `/admin/message-templates/${appealTemplateId}/preview`, { personId: personIdOf('sms-preben') })).json()) as { text: string; amountOre: number; smsParts: { parts: number } };
    expect(preview.text).toMatch(/^Hej Preben! Støt klimaindsatsen med 50 kr: https:\/\/ms\.dk\/stoet-klima\?t=/);
    expect(preview.amountOre).toBe(5_000);
    expect(preview.smsParts.parts).toBeGreaterThanOrEqual(2);
    expect(stack.onlineFundraising.smsOutbox.all()).toHaveLength(0);
  });

  it('[OnlineFundraising7] a send to one person goes through OF with the name, a short link to a pre-filled page and the amount set in the engine; the delivery comes back on the person', async () => {
    const send = await plannedSend(call, { name: 'Klima til Preben', templateId: appealTemplateId, audience: { kind: 'person', personId: personIdOf('sms-preben') } });
    expect(send.plan).toMatchObject({ recipients: 1, excluded: {} });
    await senderRound(stack);

    const [sms, ...more] = smsTo('+4526102030');
    expect(more).toHaveLength(0);
    expect(sms).toMatchObject({ sender: 'MS', amount: 5_000, text: expect.stringMatching(/^Hej Preben! Støt klimaindsatsen med 50 kr: http:\/\/127\.0\.0\.1:\d+\/s\/\w+$/) });
    const shortLink = sms!.text.split(' ').at(-1)!;
    const redirect = await fetch(shortLink, { redirect: 'manual' });
    const landing = new URL(redirect.headers.get('location')!);
    expect(`${landing.origin}${landing.pathname}`).toBe('https://ms.dk/stoet-klima');
    const prefill = await fetch(`${stack.engineUrl}/landing/prefill?t=${encodeURIComponent(landing.searchParams.get('t')!)}`);
    expect(await prefill.json()).toEqual({ firstName: 'Preben', email: 'preben@example.dk', phone: '+4526102030' });
    expect((await fetch(`${stack.engineUrl}/landing/prefill?t=forged`)).status).toBe(401);

    await queueDrained(stack, 'of-notifications');
    const [message] = await eventually(async () => {
      const messages = await messagesOf(personIdOf('sms-preben'));
      expect(messages[0]).toMatchObject({ sendId: send.id, status: 'sent', outcome: 'delivered' });
      return messages;
    });
    expect(sms!.reference).toBe(message!.id);
    expect(message!.events.map((event) => event.kind)).toEqual(['sent', 'delivered']);
    const exported = (await (await call('GET', `/admin/persons/${personIdOf('sms-preben')}/export`, undefined, 'Administrator')).json()) as { messages: { id: string; events: unknown[] }[] };
    expect(exported.messages).toMatchObject([{ id: message!.id, events: [{ kind: 'sent' }, { kind: 'delivered' }] }]);
  });

  it('[OnlineFundraising7] a test SMS goes to a staff phone with 1 kr instead of the template\'s amount, and is no message of any send', async () => {
    const test = await call('POST', `/admin/message-templates/${appealTemplateId}/test`, { to: '+4540404040' });
    expect(test.status).toBe(202);
    expect(await test.json()).toMatchObject({ amountOre: 100 });
    const [sms] = smsTo('+4540404040');
    expect(sms).toMatchObject({ amount: 100, text: expect.stringMatching(/^Hej Preben! Støt klimaindsatsen med 1 kr: http/) });
    await queueDrained(stack, 'of-notifications');
  });

  it('[OnlineFundraising7][OnlineFundraising12] an SMS to a number not in use comes back failed with a plain reason, and the number is marked as not working', async () => {
    await contactKnown(stack, 'sms-dead', { first_name: 'Dorte', last_name: 'Død', phone: '26 99 00 11', consents: smsConsent('2026-05-01T10:00:00Z') });
    stack.onlineFundraising.smsOutbox.outcomes.set('+4526990011', { status: 'failed', reason: 'Unknown subscriber' });
    await plannedSend(call, { name: 'Klima til Dorte', templateId: appealTemplateId, audience: { kind: 'person', personId: personIdOf('sms-dead') } });
    await senderRound(stack);
    await queueDrained(stack, 'of-notifications');
    const [message] = await eventually(async () => {
      const messages = await messagesOf(personIdOf('sms-dead'));
      expect(messages[0]).toMatchObject({ outcome: 'failed' });
      return messages;
    });
    expect(message!.events.at(-1)).toMatchObject({ kind: 'failed', reason: 'number-not-in-use', hard: true });
    const person = (await (await call('GET', `/admin/persons/${personIdOf('sms-dead')}`, undefined, 'MemberServiceEditor')).json()) as { invalid?: { phone?: { value: string; reason: string } } };
    expect(person.invalid?.phone).toMatchObject({ value: '+4526990011', reason: 'sms-delivery-failed' });
  });

  it('[OnlineFundraising7][OnlineFundraising8] a reply AFMELD withdraws the SMS consent through the existing path, and the next send leaves the person out', async () => {
    stack.onlineFundraising.put('data_set', 'sms-preben-afmeld', { type: 'sms_inbound', phone: '+4526102030', keyword: 'AFMELD', text: 'AFMELD', received_at: '2026-11-25T10:05:00.000Z' } as never);
    await stack.onlineFundraising.sendWebhook({ entity: 'data_set', entityId: 'sms-preben-afmeld', event: 'created' });
    await queueDrained(stack, 'of-notifications');
    const again = await plannedSend(call, { name: 'Klima igen', templateId: appealTemplateId, audience: { kind: 'person', personId: personIdOf('sms-preben') } });
    expect(again.plan).toMatchObject({ recipients: 0, excluded: { 'no-consent': 1 } });
  });
});

describe('[OnlineFundraising7] bad input', () => {
  it('[OnlineFundraising7] a template with an unknown placeholder is refused, naming the field and the placeholder, and nothing is stored', async () => {
    const before = ((await (await call('GET', '/admin/message-templates')).json()) as { templates: unknown[] }).templates.length;
    const refused = await call('POST', '/admin/message-templates', { name: 'Tastefejl', team: 'fundraising', channel: 'sms', sms: { sender: 'MS', text: 'Hej {{ fornavn }}' } });
    expect(refused.status).toBe(400);
    const problem = (await refused.json()) as { fields: { field: string; problem: string }[] };
    expect(problem.fields).toEqual([{ field: 'sms.text', problem: expect.stringContaining('unknown placeholder {{ fornavn }}') }]);
    expect(((await (await call('GET', '/admin/message-templates')).json()) as { templates: unknown[] }).templates).toHaveLength(before);
  });

  it('[CampaignAutomation10] a send scheduled in the past is refused, naming the field, and nothing is planned or sent', async () => {
    const before = stack.onlineFundraising.smsOutbox.all().length;
    const refused = await call('POST', '/admin/sends', { name: 'For sent', templateId: appealTemplateId, audience: { kind: 'person', personId: personIdOf('sms-preben') }, scheduledAt: '2026-11-24T10:00:00Z' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fields: { field: string }[] }).fields.map((field) => field.field)).toEqual(['scheduledAt']);
    await senderRound(stack);
    expect(stack.onlineFundraising.smsOutbox.all()).toHaveLength(before);
  });
});
