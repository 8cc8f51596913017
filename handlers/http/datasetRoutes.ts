import { Hono } from 'hono';
import { MalformedCsvError, parseCsv } from '../../adapters/csv/parseCsv.js';
import { datasetDefinitions } from '../../domain/datasets/definitions.js';
import { type PostcodeMunicipalities, postcodeMunicipalitiesId } from '../../domain/datasets/PostcodeMunicipalities.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { problem } from './problem.js';

export interface DatasetRouteDeps {
  postcodeTable: { save(table: PostcodeMunicipalities, etag?: string): Promise<'saved' | 'stale'>; get(id: string): Promise<{ value: PostcodeMunicipalities; etag: string } | null> };
  /** Where Power BI finds the datasets (the `datasets` container's URL). */
  datasetsUrl: string;
  clock: Clock;
}

/**
 * [Rapportering1] GET /admin/datasets: the datasets, their columns and where they are.
 * PUT /admin/postcode-municipalities: a CSV with columns `postnr` and `kommune` (DAWA's names; or
 * `postcode` and `municipality`) replaces the table the people dataset takes municipalities from.
 */
export function datasetRoutes(deps: DatasetRouteDeps): Hono {
  return new Hono()
    .get('/datasets', (c) => c.json({ container: deps.datasetsUrl, layout: '<name>/year=YYYY/month=MM/part-NNNN.parquet; CSV twins under csv/<name>/…', datasets: datasetDefinitions }))
    .put('/postcode-municipalities', async (c) => {
      let parsed: ReturnType<typeof parseCsv>;
      try {
        parsed = parseCsv(await c.req.text());
      } catch (error) {
        if (!(error instanceof MalformedCsvError)) throw error;
        return problem(c, 400, 'malformed_csv', error.message);
      }
      const postcodeColumn = parsed.columns.find((column) => column === 'postnr' || column === 'postcode');
      const municipalityColumn = parsed.columns.find((column) => column === 'kommune' || column === 'municipality');
      if (!postcodeColumn || !municipalityColumn) return problem(c, 400, 'missing_columns', 'the file needs the columns postnr and kommune', [{ field: 'columns', problem: 'postnr (or postcode) and kommune (or municipality)' }]);
      const bad = parsed.rows.filter((row) => !/^\d{4}$/.test(row.values[postcodeColumn] ?? '') || !row.values[municipalityColumn]);
      if (bad.length > 0) return problem(c, 400, 'invalid_rows', 'some rows have no four-digit postcode or no municipality', bad.slice(0, 50).map((row) => ({ field: `line ${row.line}`, problem: 'a four-digit postcode and a municipality are needed' })));
      const table: PostcodeMunicipalities = {
        id: postcodeMunicipalitiesId,
        municipalityOfPostcode: Object.fromEntries(parsed.rows.map((row) => [row.values[postcodeColumn]!, row.values[municipalityColumn]!])),
        updatedAt: deps.clock.now().toISOString(),
      };
      const stored = await deps.postcodeTable.get(postcodeMunicipalitiesId);
      if ((await deps.postcodeTable.save(table, stored?.etag)) === 'stale') return problem(c, 409, 'concurrency_conflict', 'the table changed meanwhile; try again');
      return c.json({ postcodes: Object.keys(table.municipalityOfPostcode).length });
    });
}
