import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { InvalidKeywordPeriodsError } from './errors.js';
import { periodProblems } from './periodProblems.js';
import type { SmsKeywordStore } from './ports.js';
import { type SmsKeyword, type SmsKeywordTable, defaultSmsKeywords, normaliseAssignment, smsKeywordsId } from './SmsKeyword.js';

const maxAttempts = 5;

/** [OnlineFundraising9] The keyword table in force: staff's table, or the defaults (STOP, AFMELD) until they save one. */
export async function currentKeywordTable(ports: { keywords: SmsKeywordStore }): Promise<SmsKeywordTable> {
  const stored = await ports.keywords.get(smsKeywordsId);
  return stored?.value ?? defaultKeywordTable();
}

function defaultKeywordTable(): SmsKeywordTable {
  return { id: smsKeywordsId, assignments: defaultSmsKeywords, updatedAt: new Date(0).toISOString() };
}

/** [OnlineFundraising9] Staff replace the whole keyword table; one with invalid periods is refused and nothing changes. */
export async function replaceKeywordTable(assignments: SmsKeyword[], ports: { keywords: SmsKeywordStore; clock: Clock }): Promise<SmsKeywordTable> {
  const problems = periodProblems(assignments);
  if (problems.length > 0) throw new InvalidKeywordPeriodsError(problems);
  return updateKeywordTable(() => assignments.map(normaliseAssignment), ports);
}

/**
 * Reads the table, changes it and writes it under its ETag, re-reading when someone else wrote
 * first. `change` may throw to refuse; returning the same array leaves the table as it is.
 */
export async function updateKeywordTable(
  change: (current: SmsKeywordTable) => SmsKeyword[],
  ports: { keywords: SmsKeywordStore; clock: Clock },
): Promise<SmsKeywordTable> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.keywords.get(smsKeywordsId);
    const current = stored?.value ?? defaultKeywordTable();
    const assignments = change(current);
    if (assignments === current.assignments) return current;
    const table: SmsKeywordTable = { id: smsKeywordsId, assignments, updatedAt: ports.clock.now().toISOString() };
    if ((await ports.keywords.save(table, stored?.etag)) === 'saved') return table;
  }
  throw new ConcurrencyConflictError(`the SMS keyword table changed concurrently ${maxAttempts} times in a row`);
}
