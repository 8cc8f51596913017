import { Hono } from 'hono';
import { MalformedCsvError, parseCsv } from '../../adapters/csv/parseCsv.js';
import { datasetDefinitions } from '../../domain/datasets/definitions.js';
import { type PostcodeTableStore, replacePostcodeMunicipalities } from '../../domain/datasets/replacePostcodeMunicipalities.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { problem } from './problem.js';

export interface DatasetRouteDeps {
  postcodeTable: PostcodeTableStore;
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
      const rows = parsed.rows.map((row) => ({ line: row.line, postcode: row.values[postcodeColumn] ?? '', municipality: row.values[municipalityColumn] ?? '' }));
      const table = await replacePostcodeMunicipalities(rows, deps);
      return c.json({ postcodes: Object.keys(table.municipalityOfPostcode).length });
    });
}
