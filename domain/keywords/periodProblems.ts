import { describeAssignment, isIsoInstant, periodOf, periodsOverlap } from './period.js';
import { type SmsKeyword, normaliseKeyword } from './SmsKeyword.js';

/** A field of a request that cannot be stored, named the way the request names it. */
export interface FieldProblem {
  field: string;
  problem: string;
}

/**
 * [OnlineFundraising9] What stops a whole keyword table from being stored: instants that do not
 * parse, a `validTo` not after its `validFrom`, and two periods of one keyword that overlap (so an
 * SMS could count for two campaigns). An overlap is reported on the assignment that starts later.
 */
export function periodProblems(assignments: SmsKeyword[]): FieldProblem[] {
  const rows = assignments.map((assignment, index) => ({ index, assignment, problems: periodBoundProblems(assignment, `assignments.${index}.`) }));
  const checkable = rows
    .filter((row) => row.problems.length === 0)
    .map(({ index, assignment }) => ({ index, assignment: { ...assignment, keyword: normaliseKeyword(assignment.keyword) } }));
  return [...rows.flatMap((row) => row.problems), ...overlapProblems(checkable)];
}

/** One assignment's own bounds: instants that parse, and an end after the start. Fields are named `${prefix}validFrom`. */
export function periodBoundProblems(assignment: Pick<SmsKeyword, 'validFrom' | 'validTo'>, prefix = ''): FieldProblem[] {
  const field = (name: string) => `${prefix}${name}`;
  if (!isIsoInstant(assignment.validFrom)) return [{ field: field('validFrom'), problem: 'not an ISO 8601 instant with an offset' }];
  if (assignment.validTo === undefined) return [];
  if (!isIsoInstant(assignment.validTo)) return [{ field: field('validTo'), problem: 'not an ISO 8601 instant with an offset' }];
  return Date.parse(assignment.validTo) > Date.parse(assignment.validFrom) ? [] : [{ field: field('validTo'), problem: 'must be after validFrom' }];
}

function overlapProblems(rows: { index: number; assignment: SmsKeyword }[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  rows.forEach((earlier, position) => {
    for (const later of rows.slice(position + 1)) {
      if (later.assignment.keyword !== earlier.assignment.keyword) continue;
      if (!periodsOverlap(periodOf(earlier.assignment), periodOf(later.assignment))) continue;
      const [first, second] = periodOf(later.assignment).start < periodOf(earlier.assignment).start ? [later, earlier] : [earlier, later];
      problems.push({ field: `assignments.${second.index}.validFrom`, problem: `overlaps ${describeAssignment(first.assignment)}` });
    }
  });
  return problems;
}
