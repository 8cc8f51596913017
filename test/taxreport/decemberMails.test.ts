import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../adapters/system/settableClock.js';
import type { LocalStack } from '../../local/stack.js';
import { bookkeepingApi } from '../bookkeeping/bookkeepingApi.js';
import { plannedSend, roomySettings, senderRound, staffCall } from '../sending/support.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, startTestStack, testStackStartsAt } from '../support/testStack.js';
import { completedRun, giver, rules2026 } from './support.js';

let stack: LocalStack;
const clock = settableClock(testStackStartsAt);
const call = staffCall(() => stack);
afterAll(() => stack.stop());

const mailTo = (prefix: string) => stack.email.sentEmails().filter((email) => email.to.includes(`${prefix}@example.dk`));
const templateIds: Record<'amounts' | 'cprRequest', string> = { amounts: '', cprRequest: '' };

async function template(name: string, subject: string, paragraph: string): Promise<string> {
  const created = await call('POST', '/admin/message-templates', { name, team: 'fundraising', channel: 'email', email: { layout: 'newsletter', subject, blocks: [{ kind: 'paragraph', text: paragraph }] } });
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

const taxSend = (templateId: string, cpr: 'known' | 'missing') => plannedSend(call, { name: `Skattebrev 2026 (${cpr})`, templateId, audience: { kind: 'tax-year', year: 2026, cpr } });

beforeAll(async () => {
  stack = await startTestStack({ clock });
  await bookkeepingApi(stack).saveChart();
  expect((await call('PUT', '/admin/sending/settings', roomySettings, 'Administrator')).status).toBe(200);
  // None of them gave marketing consent: the tax mail is a service message all the same.
  await giver(stack, 'dm-big', 'one_off_donation', 2_512_550, 'ONE_WEB');
  await giver(stack, 'dm-nocpr', 'one_off_donation', 30_000, 'ONE_WEB');
  await giver(stack, 'dm-small', 'one_off_donation', 15_000, 'ONE_WEB');
  await giver(stack, 'dm-member', 'membership', 29_000, 'MEM_WEB');
  await eventually(async () => expect(await bookkeepingApi(stack).paymentsOf('dm-member-c')).toHaveLength(1));
  expect((await call('PUT', `/admin/persons/${personIdOf('dm-big-c')}/cpr`, { cpr: '151272-4021' }, 'MemberServiceEditor')).status).toBe(200);
  expect((await call('PUT', '/admin/tax-report/2026/rules', rules2026, 'Finance')).status).toBe(200);
  clock.set('2026-12-01T09:00:00Z');
  const run = (await (await call('POST', '/admin/tax-report/2026/runs', undefined, 'Finance')).json()) as { id: string };
  await completedRun(call, run.id);
  templateIds.amounts = await template(
    'Skattebrev med beløb',
    'Dine gaver til MS i {{ tax_year }}',
    'Kære {{ first_name }}. Du har givet {{ gifts_kr }} kr. Du kan trække {{ gifts_deductible_kr }} kr fra (grænsen er {{ gifts_limit_kr }} kr). Løbende ydelser: {{ ongoing_kr }} kr.',
  );
  templateIds.cprRequest = await template('Skattebrev uden CPR', 'Vi mangler dit CPR-nummer', 'Kære {{ first_name }}. Du har givet {{ gifts_kr }} kr i {{ tax_year }}. Giv os dit CPR-nummer, så du får dit fradrag: {{ preference_link }}');
});

describe('[Skatteindberetning] the December mails', () => {
  it('[Skatteindberetning] people with a CPR number get a mail with their amounts and the year\'s limit; people without get one asking for it; nobody below the least reported total or with only a membership is mailed', async () => {
    const amounts = await taxSend(templateIds.amounts, 'known');
    expect(amounts.plan.recipients).toBe(1);
    const cprRequest = await taxSend(templateIds.cprRequest, 'missing');
    expect(cprRequest.plan.recipients).toBe(1);
    await senderRound(stack);
    await eventually(() => expect(stack.email.sentEmails()).toHaveLength(2));
    const [big] = mailTo('dm-big');
    expect(big!.subject).toBe('Dine gaver til MS i 2026');
    expect(big!.text).toContain('Du har givet 25.125,50 kr. Du kan trække 18.000 kr fra (grænsen er 18.000 kr). Løbende ydelser: 0 kr.');
    const [asked] = mailTo('dm-nocpr');
    expect(asked!.subject).toBe('Vi mangler dit CPR-nummer');
    expect(asked!.text).toContain('Du har givet 300 kr i 2026. Giv os dit CPR-nummer, så du får dit fradrag: http://127.0.0.1:7071/preferences?token=');
    expect(mailTo('dm-small')).toHaveLength(0);
    expect(mailTo('dm-member')).toHaveLength(0);
  });

  it('[Skatteindberetning] staff preview a tax template for a person and year with the amounts the mail will carry; a person without a statement for the year is 404', async () => {
    const preview = await call('POST', `/admin/message-templates/${templateIds.amounts}/preview`, { personId: personIdOf('dm-big-c'), taxYear: 2026 });
    expect(preview.status).toBe(200);
    expect(((await preview.json()) as { text: string }).text).toContain('Du har givet 25.125,50 kr. Du kan trække 18.000 kr fra');
    expect((await call('POST', `/admin/message-templates/${templateIds.amounts}/preview`, { personId: personIdOf('dm-big-c'), taxYear: 2025 })).status).toBe(404);
  });

  it('[Skatteindberetning][CampaignAutomation8] the person asked gives their CPR number through the link in the mail; a number that is no CPR number is refused naming it, and nothing is stored', async () => {
    const token = decodeURIComponent(/preferences\?token=([^&\s]+)/.exec(mailTo('dm-nocpr')[0]!.text!)![1]!);
    const give = (cpr: string, withToken = token) => fetch(`${stack.engineUrl}/preferences/cpr`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: withToken, cpr }) });
    const invalid = await give('310299-1234');
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: 'invalid_cpr', fields: [{ field: 'cpr', problem: "the CPR number's date 31.02.1999 does not exist" }] });
    expect((await give('020280-2345', `${token}x`)).status).toBe(401);
    const cprOf = async () => ((await (await call('GET', `/admin/persons/${personIdOf('dm-nocpr-c')}/cpr`, undefined, 'MemberServiceEditor')).json()) as { cpr: string | null }).cpr;
    expect(await cprOf()).toBeNull();
    expect((await give('020280-2345')).status).toBe(200);
    expect(await cprOf()).toBe('0202802345');
  });

  it('[Skatteindberetning] no one is mailed twice for the same year: a later send, even after the CPR number came, plans nobody already mailed', async () => {
    const run = (await (await call('POST', '/admin/tax-report/2026/runs', undefined, 'Finance')).json()) as { id: string };
    await completedRun(call, run.id);
    const again = await taxSend(templateIds.amounts, 'known');
    expect(again.plan).toMatchObject({ recipients: 0, excluded: { 'mailed-this-year': 2 } });
    await senderRound(stack);
    expect(stack.email.sentEmails()).toHaveLength(2);
  });

  it('[Skatteindberetning] a tax mail for a year not computed, or with a consent topic, is refused naming the field', async () => {
    const notComputed = await call('POST', '/admin/sends', { name: 'Skattebrev 2025', templateId: templateIds.amounts, audience: { kind: 'tax-year', year: 2025, cpr: 'known' } });
    expect(notComputed.status).toBe(400);
    expect(await notComputed.json()).toMatchObject({ fields: [expect.objectContaining({ field: 'audience.year', problem: expect.stringContaining('2025 has not been computed') })] });
    const withTopic = await call('POST', '/admin/sends', { name: 'Skattebrev', templateId: templateIds.amounts, topic: 'nyhedsbrev', audience: { kind: 'tax-year', year: 2026, cpr: 'known' } });
    expect(withTopic.status).toBe(400);
    expect(await withTopic.json()).toMatchObject({ fields: [expect.objectContaining({ field: 'topic' })] });
  });
});
