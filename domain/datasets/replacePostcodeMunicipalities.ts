import type { Versioned } from '../person/ports.js';
import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError, DomainError } from '../shared/errors.js';
import { type PostcodeMunicipalities, postcodeMunicipalitiesId } from './PostcodeMunicipalities.js';

export interface PostcodeTableStore {
  get(id: string): Promise<Versioned<PostcodeMunicipalities> | null>;
  save(table: PostcodeMunicipalities, etag?: string): Promise<'saved' | 'stale'>;
}

/** Rows without a four-digit postcode or a municipality: the table is not replaced. */
export class InvalidPostcodeRowsError extends DomainError {
  readonly code = 'invalid_rows';
  constructor(readonly fields: { field: string; problem: string }[]) {
    super('some rows have no four-digit postcode or no municipality');
  }
}

/** [Rapportering1] Staff replace the postcode → municipality table the people dataset uses. */
export async function replacePostcodeMunicipalities(
  rows: { line: number; postcode: string; municipality: string }[],
  ports: { postcodeTable: PostcodeTableStore; clock: Clock },
): Promise<PostcodeMunicipalities> {
  const bad = rows.filter((row) => !/^\d{4}$/.test(row.postcode) || !row.municipality);
  if (bad.length > 0) throw new InvalidPostcodeRowsError(bad.slice(0, 50).map((row) => ({ field: `line ${row.line}`, problem: 'a four-digit postcode and a municipality are needed' })));
  const table: PostcodeMunicipalities = {
    id: postcodeMunicipalitiesId,
    municipalityOfPostcode: Object.fromEntries(rows.map((row) => [row.postcode, row.municipality])),
    updatedAt: ports.clock.now().toISOString(),
  };
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.postcodeTable.get(postcodeMunicipalitiesId);
    if ((await ports.postcodeTable.save(table, stored?.etag)) === 'saved') return table;
  }
  throw new ConcurrencyConflictError('the postcode table changed concurrently 5 times in a row');
}
