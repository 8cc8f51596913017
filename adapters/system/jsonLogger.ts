import type { LogFields, Logger } from '../../domain/shared/Logger.js';
import { currentLogContext } from './logContext.js';

type Level = 'info' | 'warn' | 'error';

/** The line's own keys: a field of the same name is kept as `field.<name>`, never in their place. */
const ownKeys = new Set(['time', 'level', 'message']);

/**
 * Structured JSON lines on stdout/stderr (Application Insights picks them up in Azure), each with the
 * fields of the work in hand (`withLogContext`: correlation id, message id, invocation id).
 */
export function jsonLogger(base: LogFields = {}, write: (level: Level, line: string) => void = defaultWrite): Logger {
  const log = (level: Level) => (message: string, fields: LogFields = {}) =>
    write(level, JSON.stringify({ ...guarded({ ...base, ...currentLogContext(), ...fields }), time: new Date().toISOString(), level, message }));
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

function guarded(fields: LogFields): LogFields {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [ownKeys.has(key) ? `field.${key}` : key, value]));
}

function defaultWrite(level: Level, line: string): void {
  if (level === 'info') process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
}

/** For tests and benchmarks that do not want the noise. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
