import { isWorkItem } from '../../domain/messaging/queueRetry.js';
import type { Ids } from '../../domain/shared/Ids.js';

/** The message as text, for storing and replaying (the Functions runtime hands over parsed JSON). */
export function messageText(message: unknown): string {
  return typeof message === 'string' ? message : JSON.stringify(message);
}

/** A work item's own id; a message that is not a work item gets an id derived from its text. */
export function messageIdOf(message: unknown, ids: Ids): string {
  const candidate = (message as { messageId?: unknown } | null)?.messageId;
  return typeof candidate === 'string' && candidate.length > 0 ? candidate : ids.fromKey(`message-text:${messageText(message)}`);
}

/** [NFR-Observability] The piece of work a message belongs to: the correlation id it carries, else its own id. */
export function correlationIdOf(message: unknown, messageId: string): string {
  return (isWorkItem(message) && message.correlationId) || messageId;
}
