import type { Frequency } from '../mirror/OnlineFundraisingRecords.js';
import { addMonths, daysBetween } from '../shared/businessDates.js';

const monthsPer: Record<Frequency, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/**
 * [CampaignAutomation6] The collections an agreement expects follow its frequency from its start
 * date: collection k falls k × (1, 3, 6 or 12) months after the start, on the start's day of the
 * month (the last day of a shorter month). A payment counts for the collection nearest its due
 * date, so a charge made some days off the nominal date (Betalingsservice collects on its own
 * days) still counts for its own collection.
 */
export function collectionDate(startDate: string, frequency: Frequency, index: number): string {
  return addMonths(startDate, index * monthsPer[frequency]);
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
