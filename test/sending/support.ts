import { expect } from 'vitest';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { type ColleagueRole, adminHeaders, queueDrained } from '../support/testStack.js';

/** A staff call as `role` (default Editor, in the fundraising team). */
export function staffCall(stack: () => LocalStack) {
  return async (method: string, path: string, body?: unknown, role: ColleagueRole = 'Editor') =>
    fetch(`${stack().engineUrl}${path}`, { method, headers: { ...(await adminHeaders(stack(), role)), ...(body !== undefined && { 'content-type': 'application/json' }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
}

/** An OF contact notified to the engine and processed. */
export async function contactKnown(stack: LocalStack, contactId: string, fields: Record<string, unknown>): Promise<void> {
  stack.onlineFundraising.put('contact', contactId, fields as never);
  await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: contactId, event: 'created' });
  await queueDrained(stack, 'of-notifications');
}

/** Creates a send and waits until the plan-send job made its plan. */
export async function plannedSend(call: ReturnType<typeof staffCall>, request: Record<string, unknown>): Promise<{ id: string; plan: { recipients: number; excluded: Record<string, number>; estimatedMinutes: number } }> {
  const created = await call('POST', '/admin/sends', request);
  expect(created.status).toBe(202);
  const { id } = (await created.json()) as { id: string };
  return eventually(async () => {
    const { send } = (await (await call('GET', `/admin/sends/${id}`)).json()) as { send: { status: string; plan: never } };
    expect(send.status).not.toBe('planning');
    return { id, plan: send.plan };
  }, 20_000);
}

/** One round of the sender, as its timer runs it every minute. */
export async function senderRound(stack: LocalStack): Promise<void> {
  await stack.engine.timerFunctions.find((timer) => timer.name === 'messageSender')!.handle();
}

/** The sending settings most tests want: quick rates, no caps in the way, the usual quiet hours. */
export const roomySettings = {
  rates: { email: { perMinute: 6_000 }, sms: { perMinute: 6_000 } },
  caps: [],
  smsQuietHours: { from: '21:00', until: '09:00' },
  mailSenders: { fundraising: 'indsamling@engine.ms.dk' },
};
