/** A date read into YYYY-MM-DD, or why it could not be. */
export type DateReading = { date: string } | { problem: string };

/**
 * "31-01-2026", "31.01.2026", "31/1/2026": day first, the same separator twice; optionally followed
 * by the Danish time of day, as payment exports write it ("31-01-2026 14:22", "… kl. 14.22.05").
 */
const dayFirst = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?:\s+(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/;
const iso = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a calendar date as Danish files write it, "dd-mm-yyyy", "dd.mm.yyyy" or "dd/mm/yyyy"
 * (a one-digit day or month is accepted), or ISO "yyyy-mm-dd", into YYYY-MM-DD. A Danish time of
 * day after the date is allowed and dropped: the file's local date is the business date. Refuses,
 * with the reason, dates that do not exist (31-02-2026) and anything else.
 */
export function parseDanishDate(text: string): DateReading {
  const trimmed = text.trim();
  const parts = dayFirst.exec(trimmed);
  const isoParts = parts ? null : iso.exec(trimmed);
  let year: number, month: number, day: number;
  if (parts) [year, month, day] = [Number(parts[4]), Number(parts[3]), Number(parts[1])];
  else if (isoParts) [year, month, day] = [Number(isoParts[1]), Number(isoParts[2]), Number(isoParts[3])];
  else return { problem: `not a date: "${text}" (write dd-mm-yyyy or yyyy-mm-dd)` };
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { problem: `no such date: "${text}"` };
  return { date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** Writes a date YYYY-MM-DD as Danes read it: "dd-mm-yyyy". */
export function formatDanishDate(date: string): string {
  const parts = iso.exec(date);
  if (!parts) throw new RangeError(`not a date YYYY-MM-DD: "${date}"`);
  return `${parts[3]}-${parts[2]}-${parts[1]}`;
}

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}
