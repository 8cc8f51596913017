import type { Clock } from '../shared/Clock.js';
import type { OutboundMessages } from './ports.js';
import { type MessageEventPorts, recordMessageEvent } from './recordMessageEvent.js';

/**
 * [Rapportering1][Permissionsstruktur2] An unsubscribe from a link in a mail counts against that
 * mail (its link names the message), so analysts compare unsubscribe rates across mails. Only the
 * message's own person can do it: a link forwarded to someone else changes nothing here.
 */
export async function recordUnsubscribe(personId: string, messageId: string | undefined, ports: MessageEventPorts & { messages: OutboundMessages; clock: Clock }): Promise<void> {
  if (!messageId) return;
  const message = await ports.messages.get(messageId);
  if (!message || message.value.personId !== personId) return;
  await recordMessageEvent(messageId, { kind: 'unsubscribed', at: ports.clock.now().toISOString() }, ports);
}
