import type { Handler } from 'hono';
import type { Logger } from '../../domain/shared/Logger.js';

/** One dependency the engine cannot work without, and how to tell it answers. */
export interface DependencyCheck {
  name: string;
  check(): Promise<void>;
}

/** A dependency that has not answered in this long counts as failing: a probe must not hang. */
const checkTimeoutMs = 5_000;

/**
 * [NFR-Observability] GET /health/ready: whether the engine can do its work now. Every dependency is
 * checked at once; 200 when all answer, 503 naming each one that does not and why. (`/health` stays a
 * liveness probe that touches nothing.)
 */
export function readinessRoute(checks: DependencyCheck[], logger: Logger): Handler {
  return async (c) => {
    const results = await Promise.all(checks.map(async ({ name, check }) => [name, await outcomeOf(check)] as const));
    const failing = results.filter(([, outcome]) => outcome !== 'ok').map(([name]) => name);
    if (failing.length > 0) logger.warn('not ready', { failing: failing.join(',') });
    return c.json({ status: failing.length > 0 ? 'not_ready' : 'ready', checks: Object.fromEntries(results), ...(failing.length > 0 && { failing }) }, failing.length > 0 ? 503 : 200);
  };
}

async function outcomeOf(check: () => Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${checkTimeoutMs / 1000} s`)), checkTimeoutMs)))]);
    return 'ok';
  } catch (error) {
    return `failing: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
  }
}
