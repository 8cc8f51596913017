import type { Frequency } from '../mirror/OnlineFundraisingRecords.js';

const monthsPer: Record<Frequency, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/**
 * [CampaignAutomation6] The collections an agreement expects follow its frequency from its start
 * date: collection k falls k × (1, 3, 6 or 12) months after the start, on the start's day of the
 * month (the last day of a shorter month). A payment belongs to the collection whose period holds
 * its due date, so a charge a few days off the nominal date still counts for its own period.
 */
export function collectionDate(startDate: string, frequency: Frequency, index: number): string {
  const [year, month, day] = startDate.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + index * monthsPer[frequency];
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, lastDay), 2)}`;
}

/** The last collection on or before `date`; -1 before the start. */
export function lastCollectionOnOrBefore(startDate: string, frequency: Frequency, date: string): number {
  if (date < startDate) return -1;
  const [startYear, startMonth] = startDate.split('-').map(Number) as [number, number];
  const [year, month] = date.split('-').map(Number) as [number, number];
  const index = Math.floor((year * 12 + month - (startYear * 12 + startMonth)) / monthsPer[frequency]);
  return collectionDate(startDate, frequency, index) > date ? index - 1 : index;
}

/** The collection nearest `date` (the first, for a date before the start). */
export function collectionIndexOf(startDate: string, frequency: Frequency, date: string): number {
  const index = Math.max(0, lastCollectionOnOrBefore(startDate, frequency, date));
  const daysAfter = daysBetween(collectionDate(startDate, frequency, index), date);
  const daysBefore = daysBetween(date, collectionDate(startDate, frequency, index + 1));
  return daysBefore < daysAfter ? index + 1 : index;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Adds whole months to a business date, keeping the day where the month allows. */
export function addMonths(date: string, months: number): string {
  return collectionDate(date, 'monthly', months);
}

/** Adds days to a business date. */
export function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
