import type { Row } from './TableStore.js';
import { type TableDefinition, readableColumns } from './tableDefinitions.js';

/** A row as the Web API returns it: `@odata.etag` first, every (or every selected) column, null when unset. */
export function rowRepresentation(table: TableDefinition, row: Row, select?: string[]): Row {
  const columns = select ? [...new Set([...select, table.primaryKey])] : readableColumns(table);
  const representation: Row = { '@odata.etag': etagOf(row) };
  for (const column of columns) {
    const compute = table.computed?.[column];
    representation[column] = compute ? compute(row) : (row[column] ?? null);
  }
  return representation;
}

/** A weak ETag over the row's version number, as Dataverse writes it: W/"1234567". */
export function etagOf(row: Row): string {
  return `W/"${String(row['versionnumber'])}"`;
}

export function contextUrl(apiUrl: string, entitySet: string, select: string[] | undefined, single: boolean): string {
  const selected = select ? `(${select.join(',')})` : '';
  return `${apiUrl}/$metadata#${entitySet}${selected}${single ? '/$entity' : ''}`;
}
