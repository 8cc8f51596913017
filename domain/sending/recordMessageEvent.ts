import { type FlagPorts, flagInvalidContact } from '../person/flagInvalidContact.js';
import type { Logger } from '../shared/Logger.js';
import { NotFoundError } from '../shared/errors.js';
import { bounceReasons } from './bounceReasons.js';
import { type MessageEvent, withEvent } from './OutboundMessage.js';
import type { OutboundMessages } from './ports.js';

export interface MessageEventPorts extends FlagPorts {
  messages: OutboundMessages;
  logger: Logger;
}

/**
 * [OnlineFundraising7][CARE-Interactions] What a provider reported about one message goes on the
 * message (the person's message history and the interactions dataset read it); the same report
 * twice is kept once. A hard bounce or a failed SMS to a number not in use marks the address as not
 * working, through the same path as every other delivery failure; a soft bounce does not.
 */
export async function recordMessageEvent(messageId: string, event: MessageEvent, ports: MessageEventPorts): Promise<'recorded' | 'unknown-message'> {
  for (;;) {
    const stored = await ports.messages.get(messageId);
    if (!stored) {
      ports.logger.warn('delivery report for a message the engine did not send; ignored', { messageId, kind: event.kind });
      return 'unknown-message';
    }
    const changed = withEvent(stored.value, event, ports.clock.now().toISOString());
    if (changed === stored.value) return 'recorded';
    if ((await ports.messages.save(changed, stored.etag)) !== 'saved') continue;
    if (event.reason && bounceReasons[event.reason].hard) await markNotWorking(stored.value, ports);
    return 'recorded';
  }
}

async function markNotWorking(message: { personId: string; sendId: string; channel: 'sms' | 'email' }, ports: MessageEventPorts): Promise<void> {
  const flag = message.channel === 'email' ? ({ channel: 'email', reason: 'email-bounced' } as const) : ({ channel: 'phone', reason: 'sms-delivery-failed' } as const);
  await flagInvalidContact(message.personId, { ...flag, by: `send ${message.sendId}` }, ports).catch((error: unknown) => {
    if (!(error instanceof NotFoundError)) throw error;
    ports.logger.warn('bounce for a person who is gone', { personId: message.personId, sendId: message.sendId });
  });
}
