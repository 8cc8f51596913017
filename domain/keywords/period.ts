import type { SmsKeyword } from './SmsKeyword.js';

/** A half-open span of time [start, end) in epoch milliseconds; no end is `Infinity`. */
export interface Period {
  start: number;
  end: number;
}

const isoInstant = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with its offset, on a day the calendar has (Date.parse rolls 30 February over). */
export function isIsoInstant(text: string): boolean {
  const match = isoInstant.exec(text);
  if (!match || Number.isNaN(Date.parse(text))) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

export function periodOf(assignment: Pick<SmsKeyword, 'validFrom' | 'validTo'>): Period {
  return { start: Date.parse(assignment.validFrom), end: assignment.validTo === undefined ? Infinity : Date.parse(assignment.validTo) };
}

export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start < b.end && b.start < a.end;
}

export function periodContains(period: Period, instant: Date): boolean {
  return period.start <= instant.getTime() && instant.getTime() < period.end;
}

/** E.g. "KLIMA for campaign KLIMA-2025 from 2025-01-01T00:00:00.000Z to no end". */
export function describeAssignment(assignment: SmsKeyword): string {
  return `${assignment.keyword} for campaign ${assignment.campaignCode} from ${assignment.validFrom} to ${assignment.validTo ?? 'no end'}`;
}
