import type { Job } from '../jobs/JobRun.js';
import { deliveryEntries } from './deliveryEntries.js';
import type { TaxDeliveries, TaxReportMarkers, TaxYearRulesStore } from './ports.js';
import { taxDeliveryJobName } from './startTaxDelivery.js';
import { type TaxDelivery, taxDeliveryId } from './TaxDelivery.js';
import { markerOf } from './TaxReportMarker.js';
import type { TaxStatement } from './TaxStatement.js';
import { taxYearRulesId } from './TaxYearRules.js';
import { type YearStatementPorts, yearStatementPages } from './yearStatementPages.js';

export interface TaxDeliveryPorts extends YearStatementPorts {
  rules: TaxYearRulesStore;
  deliveries: TaxDeliveries;
  markers: TaxReportMarkers;
}

type DeliveryCounts = NonNullable<TaxDelivery['counts']>;

const markersPerPage = 1_000;

/**
 * [Skatteindberetning][Refundering] The January run: computes the income year again (gifts and
 * refunds since December included), and marks every giver the delivery reports: a first report, or a
 * correction where SKAT holds other amounts. Markers have fixed ids per delivery and person, and what
 * SKAT holds is read from the deliveries before this one, so a retry marks the same and a later
 * delivery nobody twice. A CPR number no giver has any more is corrected to nothing. Ends with the
 * delivery `ready`, its file available.
 */
export function taxDeliveryJob(ports: TaxDeliveryPorts): Job {
  return {
    name: taxDeliveryJobName,
    description: 'Computes an income year again and marks who a delivery to SKAT reports (parameters year, deliveryNumber)',
    run: async ({ run, progress }): Promise<Record<string, number>> => {
      const stored = await ports.deliveries.get(taxDeliveryId(Number(run.parameters?.deliveryNumber)));
      if (!stored) throw new Error(`the run names no delivery that exists (deliveryNumber ${run.parameters?.deliveryNumber ?? 'missing'})`);
      const delivery = stored.value;
      if (delivery.status === 'ready') return { alreadyReady: 1 };
      const rules = (await ports.rules.get(taxYearRulesId(delivery.year)))?.value;
      if (!rules) throw new Error(`income year ${delivery.year} has no rules`);
      const counts: DeliveryCounts = { reports: 0, corrections: 0, giftsOre: 0, ongoingOre: 0, waitingForCpr: 0 };
      let givers = 0;
      const seen = new Set<string>();
      for await (const statements of yearStatementPages(rules, run.id, ports)) {
        await markPage(statements, delivery, counts, ports);
        for (const statement of statements) if (statement.cprLookup) seen.add(statement.cprLookup);
        givers += statements.length;
        await progress(givers, 'givers');
      }
      await correctNumbersNoLongerGiving(seen, delivery, counts, ports);
      await markReady(delivery.id, counts, ports);
      return { givers, ...counts };
    },
  };
}

async function markPage(statements: TaxStatement[], delivery: TaxDelivery, counts: DeliveryCounts, ports: TaxDeliveryPorts): Promise<void> {
  const cprLookups = statements.flatMap((statement) => (statement.cprLookup ? [statement.cprLookup] : []));
  const held = await ports.markers.latestBefore(delivery.year, cprLookups, delivery.deliveryNumber);
  const reportedAt = ports.clock.now().toISOString();
  const entries = deliveryEntries(statements, held);
  await ports.markers.saveAll(entries.map((entry) => markerOf(entry, delivery.year, delivery.deliveryNumber, reportedAt)));
  for (const entry of entries) {
    counts[entry.kind === 'report' ? 'reports' : 'corrections']++;
    counts.giftsOre += entry.giftsOre;
    counts.ongoingOre += entry.ongoingOre;
  }
  counts.waitingForCpr += statements.filter((statement) => statement.reported && !statement.cprKnown).length;
}

/**
 * A CPR number SKAT holds amounts under that no giver of the year has any more (the gifts moved to a
 * person with another number in a merge, or the number was corrected) is corrected to nothing.
 */
async function correctNumbersNoLongerGiving(seen: ReadonlySet<string>, delivery: TaxDelivery, counts: DeliveryCounts, ports: TaxDeliveryPorts): Promise<void> {
  const reportedAt = ports.clock.now().toISOString();
  for await (const latest of ports.markers.latestOfYear(delivery.year, delivery.deliveryNumber, markersPerPage)) {
    const gone = latest.filter((marker) => !seen.has(marker.cprLookup) && (marker.giftsOre !== 0 || marker.ongoingOre !== 0));
    await ports.markers.saveAll(gone.map((marker) => markerOf({ personId: marker.personId, cprLookup: marker.cprLookup, kind: 'correction', giftsOre: 0, ongoingOre: 0 }, delivery.year, delivery.deliveryNumber, reportedAt)));
    counts.corrections += gone.length;
  }
}

async function markReady(id: string, counts: DeliveryCounts, ports: TaxDeliveryPorts): Promise<void> {
  for (;;) {
    const stored = (await ports.deliveries.get(id))!;
    const ready: TaxDelivery = { ...stored.value, status: 'ready', finishedAt: ports.clock.now().toISOString(), counts };
    if ((await ports.deliveries.save(ready, stored.etag)) === 'saved') return;
  }
}
