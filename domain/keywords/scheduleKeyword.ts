import { canonicalJson } from '../shared/canonicalJson.js';
import type { Clock } from '../shared/Clock.js';
import { InvalidKeywordPeriodsError } from './errors.js';
import { updateKeywordTable } from './keywordTable.js';
import { describeAssignment, periodOf, periodsOverlap } from './period.js';
import { type FieldProblem, periodBoundProblems } from './periodProblems.js';
import type { SmsKeywordStore } from './ports.js';
import { type SmsKeyword, type SmsKeywordTable, normaliseAssignment } from './SmsKeyword.js';

/**
 * [OnlineFundraising9] Schedules a keyword for a campaign from `validFrom`, which may lie ahead:
 * the keyword's open-ended assignment that started earlier is ended at that instant (the
 * hand-over). Refused, changing nothing, when it would overlap any other period of the keyword.
 */
export async function scheduleKeyword(assignment: SmsKeyword, ports: { keywords: SmsKeywordStore; clock: Clock }): Promise<SmsKeywordTable> {
  return updateKeywordTable((current) => {
    const outcome = handOver(current.assignments, assignment);
    if ('problems' in outcome) throw new InvalidKeywordPeriodsError(outcome.problems);
    return outcome.assignments;
  }, ports);
}

/**
 * The assignments with `incoming` added, or why it cannot be. The same assignment sent again
 * returns `assignments` itself, unchanged, so a retried request does not fail on its own success.
 */
export function handOver(assignments: SmsKeyword[], incoming: SmsKeyword): { assignments: SmsKeyword[] } | { problems: FieldProblem[] } {
  const boundProblems = periodBoundProblems(incoming);
  if (boundProblems.length > 0) return { problems: boundProblems };
  const next = normaliseAssignment(incoming);
  if (assignments.some((existing) => canonicalJson(existing) === canonicalJson(next))) return { assignments };
  const problems = assignments.filter((existing) => existing.keyword === next.keyword).flatMap((existing) => conflict(existing, next));
  if (problems.length > 0) return { problems };
  return { assignments: [...assignments.map((existing) => (handsOver(existing, next) ? { ...existing, validTo: next.validFrom } : existing)), next] };
}

/** An open-ended assignment of the keyword that started before `next` is the one `next` takes over from. */
function handsOver(existing: SmsKeyword, next: SmsKeyword): boolean {
  return existing.keyword === next.keyword && existing.validTo === undefined && periodOf(existing).start < periodOf(next).start;
}

function conflict(existing: SmsKeyword, next: SmsKeyword): FieldProblem[] {
  if (handsOver(existing, next) || !periodsOverlap(periodOf(existing), periodOf(next))) return [];
  // Starting inside the other period, the start is wrong; running into it from before, the end is.
  const field = periodOf(existing).start <= periodOf(next).start ? 'validFrom' : 'validTo';
  return [{ field, problem: `overlaps ${describeAssignment(existing)}` }];
}
