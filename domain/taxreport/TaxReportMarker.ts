import type { DeliveryEntry } from './deliveryEntries.js';

/**
 * [Skatteindberetning] What was reported to SKAT for a person and income year, when and in which
 * delivery: the marker member service sees when the person asks, and what the next delivery compares
 * with to send a correction (a refund after the report).
 */
export interface TaxReportMarker {
  /** `<year>:<cprLookup>:<deliveryNumber>`: one line per CPR number in a delivery. */
  id: string;
  personId: string;
  /** The keyed hash of the CPR number it was reported under: what SKAT holds is per CPR number. */
  cprLookup: string;
  year: number;
  deliveryNumber: number;
  /** The first report of the person's year, or a correction of an earlier one. */
  kind: 'report' | 'correction';
  /** The amounts SKAT now holds for the person and year (a correction states them anew). */
  giftsOre: number;
  ongoingOre: number;
  reportedAt: string;
}

export function markerOf(entry: DeliveryEntry, year: number, deliveryNumber: number, reportedAt: string): TaxReportMarker {
  return { id: `${year}:${entry.cprLookup}:${deliveryNumber}`, year, deliveryNumber, reportedAt, ...entry };
}
