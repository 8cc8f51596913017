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

const consentAt = '2026-05-01T10:00:00Z';
const smsTo = (phone: string) => stack.onlineFundraising.smsOutbox.all().filter((sms) => sms.recipient === phone);
const progress = async (sendId: string) => (await (await call('GET', `/admin/sends/${sendId}`)).json()) as { send: { status: string }; messages: Record<string, number> };

let templateId: string;
let petitionSegmentId: string;
const petitioners = ['ctl-a', 'ctl-b', 'ctl-c'];
const phoneOf = (index: number) => `+452650000${index}`;

async function signPetition(contactId: string, index: number): Promise<void> {
  await contactKnown(stack, contactId, { first_name: `Signe${index}`, last_name: 'Skov', phone: phoneOf(index), consents: [{ channel: 'sms', given: true, at: consentAt, source: 'SKOV2026' }] });
  stack.onlineFundraising.put('data_set', `${contactId}-sig`, { type: 'sms_inbound', contact_id: contactId, phone: phoneOf(index), keyword: 'SKOV', text: 'SKOV', received_at: '2026-11-20T10:00:00.000Z' } as never);
  await stack.onlineFundraising.sendWebhook({ entity: 'data_set', entityId: `${contactId}-sig`, event: 'created' });
  await queueDrained(stack, 'of-notifications');
}

beforeAll(async () => {
  stack = await startTestStack({ clock });
  expect((await call('PUT', '/admin/sending/settings', roomySettings, 'Administrator')).status).toBe(200);
  expect((await call('POST', '/admin/keywords', { keyword: 'SKOV', campaignCode: 'SKOV2026', validFrom: '2026-01-01', action: { kind: 'create-signature', petitionId: 'skov-2026' } }, 'Administrator')).status).toBe(201);
  for (const [index, contactId] of petitioners.entries()) await signPetition(contactId, index);
  await contactKnown(stack, 'ctl-nosms', { first_name: 'Nina', last_name: 'Skov', phone: '+4526500099', consents: [] });
  await contactKnown(stack, 'ctl-capped', { first_name: 'Carl', last_name: 'Cap', phone: '+4526500088', consents: [{ channel: 'sms', given: true, at: consentAt, source: 'WEB' }] });
  const template = await call('POST', '/admin/message-templates', { name: 'Skov-tak', team: 'fundraising', channel: 'sms', sms: { sender: 'MS', text: 'Tak {{ first_name }}, fordi du skrev under for skoven!' } });
  templateId = ((await template.json()) as { id: string }).id;
  const segment = await call('POST', '/admin/segment-definitions', { name: 'Skrev under for skoven', criteria: { petitions: [{ petitionId: 'skov-2026' }] } });
  expect(segment.status).toBe(201);
  petitionSegmentId = ((await segment.json()) as { id: string }).id;
});

describe('[CampaignAutomation1] segment definitions', () => {
  it('[CampaignAutomation1][OnlineFundraising7] a named segment of petition signers is counted through the one filter, each exclusion by reason', async () => {
    const counted = await call('POST', `/admin/segment-definitions/${petitionSegmentId}/count`, { channel: 'sms' });
    expect(await counted.json()).toEqual({ kept: 3, excluded: {} });
    const byEmail = await call('POST', `/admin/segment-definitions/${petitionSegmentId}/count`, { channel: 'email' });
    expect(await byEmail.json()).toEqual({ kept: 0, excluded: { 'no-consent': 3 } });
  });

  it('[CampaignAutomation1] a segment that names an unknown petition is refused, naming the field, and nothing is stored', async () => {
    const before = ((await (await call('GET', '/admin/segment-definitions')).json()) as { definitions: unknown[] }).definitions.length;
    const refused = await call('POST', '/admin/segment-definitions', { name: 'Tastefejl', criteria: { petitions: [{ petitionId: 'skov-2062' }] } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fields: { field: string; problem: string }[] }).fields).toEqual([{ field: 'criteria.petitions.0.petitionId', problem: expect.stringContaining('no petition skov-2062') }]);
    expect(((await (await call('GET', '/admin/segment-definitions')).json()) as { definitions: unknown[] }).definitions).toHaveLength(before);
  });
});

describe('[CampaignAutomation10] sending', () => {
  it('[CampaignAutomation10] an SMS planned at 23:00 Danish time goes out at 09:00 the next morning, not before', async () => {
    clock.set('2026-11-25T22:00:00Z');
    const send = await plannedSend(call, { name: 'Sen aften', templateId, audience: { kind: 'person', personId: personIdOf('ctl-a') } });
    await senderRound(stack);
    clock.set('2026-11-26T07:59:00Z');
    await senderRound(stack);
    expect(smsTo(phoneOf(0))).toHaveLength(0);
    expect((await progress(send.id)).messages).toMatchObject({ planned: 1, sent: 0 });
    clock.set('2026-11-26T08:00:00Z');
    await senderRound(stack);
    expect(smsTo(phoneOf(0))).toHaveLength(1);
    expect(smsTo(phoneOf(0))[0]!.created_at).toMatch(/^2026-11-26T08:00/);
  });

  it('[CampaignAutomation10] a send scheduled for a time waits for it, and the plan says how long the send will take at the configured rate', async () => {
    clock.set('2026-11-27T10:00:00Z');
    await call('PUT', '/admin/sending/settings', { ...roomySettings, rates: { ...roomySettings.rates, sms: { perMinute: 2, perHour: 60 } } }, 'Administrator');
    const send = await plannedSend(call, { name: 'Til middag', templateId, audience: { kind: 'segment', segmentId: petitionSegmentId }, scheduledAt: '2026-11-27T11:00:00Z' });
    expect(send.plan).toMatchObject({ recipients: 3, estimatedMinutes: 3 });
    await senderRound(stack);
    expect((await progress(send.id)).messages).toMatchObject({ planned: 3, sent: 0 });
    clock.set('2026-11-27T11:00:00Z');
    await senderRound(stack);
    expect((await progress(send.id)).messages).toMatchObject({ planned: 1, sent: 2 });
    clock.set('2026-11-27T11:02:00Z');
    await senderRound(stack);
    expect(await progress(send.id)).toMatchObject({ send: { status: 'completed' }, messages: { planned: 0, sent: 3 } });
    await call('PUT', '/admin/sending/settings', roomySettings, 'Administrator');
  });

  it('[CampaignAutomation10] a cap of one SMS a week is honoured across two sends', async () => {
    clock.set('2026-11-28T10:00:00Z');
    await call('PUT', '/admin/sending/settings', { ...roomySettings, caps: [{ channel: 'sms', max: 1, periodDays: 7 }] }, 'Administrator');
    const first = await plannedSend(call, { name: 'Første', templateId, audience: { kind: 'person', personId: personIdOf('ctl-capped') } });
    await senderRound(stack);
    clock.set('2026-11-29T10:00:00Z');
    const second = await plannedSend(call, { name: 'Anden', templateId, audience: { kind: 'person', personId: personIdOf('ctl-capped') } });
    await senderRound(stack);
    expect(smsTo('+4526500088')).toHaveLength(1);
    expect((await progress(first.id)).messages).toMatchObject({ sent: 1 });
    expect((await progress(second.id)).messages).toMatchObject({ sent: 0, skipped: 1 });
    const messages = ((await (await call('GET', `/admin/persons/${personIdOf('ctl-capped')}/messages`)).json()) as { messages: { sendId: string; skipReason?: string }[] }).messages;
    expect(messages.find((message) => message.sendId === second.id)).toMatchObject({ skipReason: 'cap-reached' });
    await call('PUT', '/admin/sending/settings', roomySettings, 'Administrator');
  });

  it('[CampaignAutomation10] a paused send sends nothing until resumed; a cancelled one never sends the rest', async () => {
    clock.set('2026-12-07T10:00:00Z');
    await call('PUT', '/admin/sending/settings', { ...roomySettings, rates: { ...roomySettings.rates, sms: { perMinute: 1 } } }, 'Administrator');
    const send = await plannedSend(call, { name: 'Pause og stop', templateId, audience: { kind: 'segment', segmentId: petitionSegmentId } });
    await senderRound(stack);
    expect((await progress(send.id)).messages).toMatchObject({ sent: 1, planned: 2 });
    expect((await call('POST', `/admin/sends/${send.id}/pause`)).status).toBe(200);
    clock.set('2026-12-07T10:01:00Z');
    await senderRound(stack);
    expect((await progress(send.id)).messages).toMatchObject({ sent: 1, planned: 2 });
    expect(await (await call('POST', `/admin/sends/${send.id}/resume`)).json()).toMatchObject({ status: 'sending' });
    clock.set('2026-12-07T10:02:00Z');
    await senderRound(stack);
    expect((await progress(send.id)).messages).toMatchObject({ sent: 2, planned: 1 });
    expect(await (await call('POST', `/admin/sends/${send.id}/cancel`)).json()).toMatchObject({ status: 'cancelled' });
    clock.set('2026-12-07T10:03:00Z');
    await senderRound(stack);
    expect(await progress(send.id)).toMatchObject({ send: { status: 'cancelled' }, messages: { sent: 2, planned: 1 } });
    expect((await call('POST', `/admin/sends/${send.id}/resume`)).status).toBe(409);
    await call('PUT', '/admin/sending/settings', roomySettings, 'Administrator');
  });

  it('[CampaignAutomation10] when the sender stops after OF took an SMS but before it was marked sent, the next round sends it under the same reference: nobody is messaged twice', async () => {
    clock.set('2026-12-14T10:00:00Z');
    const before = petitioners.map((_, index) => smsTo(phoneOf(index)).length);
    const send = await plannedSend(call, { name: 'Nedbrud', templateId, audience: { kind: 'segment', segmentId: petitionSegmentId } });
    // OF takes the second SMS, but every answer to it is lost: the sender gives up with the message claimed, as a crash leaves it.
    stack.onlineFundraising.injectFault({ method: 'POST', path: '/api/v1/sms-messages', status: 503, afterHandling: true, skip: 1, times: 3 });
    await senderRound(stack);
    expect((await progress(send.id)).messages).toMatchObject({ sent: 1, sending: 1, planned: 1 });
    clock.set('2026-12-14T10:01:00Z');
    await senderRound(stack);
    expect((await progress(send.id)).messages).toMatchObject({ sent: 2, sending: 1 });
    clock.set('2026-12-14T10:03:00Z');
    await senderRound(stack);
    expect(await progress(send.id)).toMatchObject({ send: { status: 'completed' }, messages: { sent: 3, sending: 0, planned: 0 } });
    expect(petitioners.map((_, index) => smsTo(phoneOf(index)).length - before[index]!)).toEqual([1, 1, 1]);
    await eventually(async () => expect(stack.onlineFundraising.requests().filter((request) => request.path === '/api/v1/sms-messages' && request.status === 200).length).toBeGreaterThanOrEqual(1));
  });
});
