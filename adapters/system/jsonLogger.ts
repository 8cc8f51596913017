import type { LogFields, Logger } from '../../domain/shared/Logger.js';

type Level = 'info' | 'warn' | 'error';

/** Structured JSON lines on stdout/stderr (Application Insights picks them up in Azure). */
export function jsonLogger(base: LogFields = {}, write: (level: Level, line: string) => void = defaultWrite): Logger {
  const log = (level: Level) => (message: string, fields: LogFields = {}) =>
    write(level, JSON.stringify({ time: new Date().toISOString(), level, message, ...base, ...fields }));
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

function defaultWrite(level: Level, line: string): void {
  if (level === 'info') process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
}

/** For tests and benchmarks that do not want the noise. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
