import type { TaxReportMarkers } from '../../domain/taxreport/ports.js';
import type { TaxReportMarker } from '../../domain/taxreport/TaxReportMarker.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { queryPages } from './queryPage.js';

/** [Skatteindberetning] The markers of what each delivery reported (container `tax-report-markers`, id `<year>:<personId>:<deliveryNumber>`). */
export class CosmosTaxReportMarkers extends CosmosVersionedStore<TaxReportMarker> implements TaxReportMarkers {
  saveAll(markers: TaxReportMarker[]): Promise<void> {
    return this.upsertMany(markers);
  }

  async latestBefore(year: number, cprLookups: readonly string[], beforeDelivery: number): Promise<Map<string, TaxReportMarker>> {
    const latest = new Map<string, TaxReportMarker>();
    if (cprLookups.length === 0) return latest;
    const markers = await this.queryVersioned({
      query: 'SELECT * FROM c WHERE c.year = @year AND c.deliveryNumber < @before AND ARRAY_CONTAINS(@cprLookups, c.cprLookup)',
      parameters: [
        { name: '@year', value: year },
        { name: '@before', value: beforeDelivery },
        { name: '@cprLookups', value: [...cprLookups] },
      ],
    });
    for (const { value } of markers) if ((latest.get(value.cprLookup)?.deliveryNumber ?? 0) < value.deliveryNumber) latest.set(value.cprLookup, value);
    return latest;
  }

  async *latestOfYear(year: number, beforeDelivery: number, pageSize: number): AsyncIterable<TaxReportMarker[]> {
    const query = {
      query: 'SELECT * FROM c WHERE c.year = @year AND c.deliveryNumber < @before ORDER BY c.cprLookup',
      parameters: [
        { name: '@year', value: year },
        { name: '@before', value: beforeDelivery },
      ],
    };
    // A CPR number's markers arrive together; the newest of them is kept, a page handed on between numbers.
    let page: TaxReportMarker[] = [];
    for await (const markers of queryPages<TaxReportMarker>(this.container, query, pageSize)) {
      for (const marker of markers) {
        const last = page.at(-1);
        if (last?.cprLookup === marker.cprLookup) {
          if (marker.deliveryNumber > last.deliveryNumber) page[page.length - 1] = marker;
          continue;
        }
        if (page.length >= pageSize) {
          yield page;
          page = [];
        }
        page.push(marker);
      }
    }
    if (page.length > 0) yield page;
  }

  ofDelivery(deliveryNumber: number, pageSize: number): AsyncIterable<TaxReportMarker[]> {
    return queryPages<TaxReportMarker>(this.container, { query: 'SELECT * FROM c WHERE c.deliveryNumber = @number ORDER BY c.personId', parameters: [{ name: '@number', value: deliveryNumber }] }, pageSize);
  }

  async ofPerson(personId: string): Promise<TaxReportMarker[]> {
    const markers = await this.queryVersioned({ query: 'SELECT * FROM c WHERE c.personId = @personId ORDER BY c.deliveryNumber DESC', parameters: [{ name: '@personId', value: personId }] });
    return markers.map((stored) => stored.value);
  }
}
