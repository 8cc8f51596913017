import type { TaxReportMarker } from './TaxReportMarker.js';
import type { TaxStatement } from './TaxStatement.js';

/** One giver's line in a delivery to SKAT. */
export interface DeliveryEntry {
  personId: string;
  cprLookup: string;
  kind: TaxReportMarker['kind'];
  giftsOre: number;
  ongoingOre: number;
}

/**
 * [Skatteindberetning][Refundering] Who a delivery for the year holds: every giver whose statement now
 * reports something SKAT does not hold yet under their CPR number (its latest marker), as a first
 * report, or as a correction when SKAT holds other amounts (a refund after the report lowers them, to
 * nothing if all was refunded). Markers are compared by CPR number, not person: gifts that moved to
 * another person with the same number (a merge) correct what SKAT holds instead of being reported
 * twice. A giver whose amounts SKAT already holds is not in it, so running the delivery again
 * delivers nobody twice. Givers without a CPR number cannot be reported and wait for it.
 */
export function deliveryEntries(statements: readonly TaxStatement[], latestMarkers: ReadonlyMap<string, TaxReportMarker>): DeliveryEntry[] {
  const entries: DeliveryEntry[] = [];
  for (const statement of statements) {
    const cprLookup = statement.cprLookup;
    if (!cprLookup) continue;
    const held = latestMarkers.get(cprLookup);
    const now = { personId: statement.personId, cprLookup, giftsOre: statement.gifts.reportedOre, ongoingOre: statement.ongoing.reportedOre };
    if (!held) {
      if (statement.reported) entries.push({ ...now, kind: 'report' });
      continue;
    }
    if (held.giftsOre !== now.giftsOre || held.ongoingOre !== now.ongoingOre) entries.push({ ...now, kind: 'correction' });
  }
  return entries;
}
