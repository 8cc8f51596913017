import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogFields } from '../../domain/shared/Logger.js';

/**
 * [NFR-Observability] The fields every log line of one piece of work carries (its correlation id,
 * the message id, the Functions invocation id), without passing them through every call: entry
 * points open a context, the logger and the queue adapter read it.
 */
const storage = new AsyncLocalStorage<LogFields>();

/** Runs `work` with these fields added to the current context's. */
export function withLogContext<T>(fields: LogFields, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...definedOnly(fields) }, work);
}

export function currentLogContext(): LogFields {
  return storage.getStore() ?? {};
}

/** The correlation id of the work in hand, if any. */
export function currentCorrelationId(): string | undefined {
  const id = currentLogContext().correlationId;
  return typeof id === 'string' ? id : undefined;
}

function definedOnly(fields: LogFields): LogFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
