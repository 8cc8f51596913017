import { z } from 'zod';

/**
 * "The next `times` requests matching `method` and `path` answer `status` (after `delayMs`)".
 * Without a status the request is only delayed, then answered normally (a slow response; a write
 * is still carried out even when the client gave up waiting, as in the real services). `path` is a
 * glob over the request path: `*` is any text within one segment, `**` any text. `body` replaces the
 * simulated service's default error body. `skip` lets that many matching requests through first.
 * `afterHandling` (honoured by every simulator) carries the request out and then
 * answers `status`: the service did the work but the answer was lost on the way. Shared by the
 * simulators.
 */
export const faultRuleSchema = z
  .object({
    method: z.string().min(1).optional(),
    path: z.string().startsWith('/'),
    times: z.number().int().positive().default(1),
    status: z.number().int().min(400).max(599).optional(),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
    delayMs: z.number().int().nonnegative().max(120_000).optional(),
    body: z.unknown().optional(),
    skip: z.number().int().nonnegative().default(0),
    afterHandling: z.boolean().default(false),
  })
  .refine((rule) => rule.status !== undefined || rule.delayMs !== undefined, 'give a status, a delayMs, or both');

export type FaultRule = z.input<typeof faultRuleSchema>;
type ActiveRule = z.output<typeof faultRuleSchema> & { remaining: number; pattern: RegExp };

export interface Fault {
  status?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
  body?: unknown;
  afterHandling?: boolean;
}

/** The `retry-after` header a fault's answer carries when its rule gives `retryAfterSeconds`. */
export function retryAfterHeader(fault: Fault): Record<string, string> {
  return fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
}

/** Fault rules in the order they were added; the first matching rule with requests left applies. */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    const parsed = faultRuleSchema.parse(rule);
    this.rules.push({ ...parsed, remaining: parsed.times, pattern: globToRegExp(parsed.path) });
  }

  /** Takes one use of the first rule that matches, if any. */
  take(method: string, path: string): Fault | undefined {
    const rule = this.rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.method === undefined || candidate.method.toUpperCase() === method.toUpperCase()) &&
        candidate.pattern.test(path),
    );
    if (!rule) return undefined;
    if (rule.skip > 0) {
      rule.skip--;
      return undefined;
    }
    rule.remaining--;
    this.rules = this.rules.filter((candidate) => candidate.remaining > 0);
    return {
      ...(rule.status !== undefined && { status: rule.status }),
      ...(rule.retryAfterSeconds !== undefined && { retryAfterSeconds: rule.retryAfterSeconds }),
      ...(rule.delayMs !== undefined && { delayMs: rule.delayMs }),
      ...(rule.body !== undefined && { body: rule.body }),
      ...(rule.afterHandling && { afterHandling: true }),
    };
  }

  /** Rules with requests left, and how many. */
  pending(): Omit<ActiveRule, 'pattern'>[] {
    return this.rules.map(({ pattern: _pattern, ...rule }) => rule);
  }

  clear(): void {
    this.rules = [];
  }
}

export function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`);
}
