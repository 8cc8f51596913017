import type { TaxReportMarker } from './TaxReportMarker.js';
import type { TaxStatement } from './TaxStatement.js';

/** One giver's line in a delivery to SKAT. */
export interface DeliveryEntry {
  personId: string;
  kind: TaxReportMarker['kind'];
  giftsOre: number;
  ongoingOre: number;
}

/**
 * [Skatteindberetning][Refundering] Who a delivery for the year holds: every giver whose statement now
 * reports something SKAT does not hold yet (their latest marker), as a first report, or as a
 * correction when SKAT holds other amounts (a refund after the report lowers them, to nothing if all
 * was refunded). A giver whose amounts SKAT already holds is not in it, so running the delivery again
 * delivers nobody twice. Givers without a CPR number cannot be reported and wait for it.
 */
export function deliveryEntries(statements: readonly TaxStatement[], latestMarkers: ReadonlyMap<string, TaxReportMarker>): DeliveryEntry[] {
  const entries: DeliveryEntry[] = [];
  for (const statement of statements) {
    if (!statement.cprKnown) continue;
    const held = latestMarkers.get(statement.personId);
    const now = { giftsOre: statement.gifts.reportedOre, ongoingOre: statement.ongoing.reportedOre };
    if (!held) {
      if (statement.reported) entries.push({ personId: statement.personId, kind: 'report', ...now });
      continue;
    }
    if (held.giftsOre !== now.giftsOre || held.ongoingOre !== now.ongoingOre) entries.push({ personId: statement.personId, kind: 'correction', ...now });
  }
  return entries;
}
