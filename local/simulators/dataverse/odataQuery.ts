import { DataverseErrorResponse, errorCodes } from './ApiResponse.js';
import { type Comparison, parseFilter } from './odataFilter.js';
import { type TableDefinition, readableColumns } from './tableDefinitions.js';

export interface QueryOptions {
  select?: string[];
  filter: Comparison[];
  top?: number;
  /** Rows already returned on earlier pages (from `$skiptoken`). */
  offset: number;
}

const supportedOptions = new Set(['$select', '$filter', '$top', '$skiptoken']);

/** Reads the system query options the simulator supports; any other `$` option answers 400. */
export function parseQueryOptions(params: URLSearchParams, table: TableDefinition): QueryOptions {
  for (const name of params.keys()) {
    if (name.startsWith('$') && !supportedOptions.has(name)) {
      throw new DataverseErrorResponse(400, errorCodes.queryOrPayloadError, `The query parameter ${name} is not supported by the Dataverse simulator.`);
    }
  }
  const select = params.get('$select');
  const filter = params.get('$filter');
  const top = params.get('$top');
  const skipToken = params.get('$skiptoken');
  return {
    ...(select !== null && { select: parseSelect(select, table) }),
    filter: filter === null ? [] : parseFilter(filter, table),
    ...(top !== null && { top: parseTop(top) }),
    offset: skipToken === null ? 0 : offsetFromSkipToken(skipToken),
  };
}

export function parseSelect(select: string, table: TableDefinition): string[] {
  const readable = new Set(readableColumns(table));
  const columns = select.split(',').map((column) => column.trim());
  for (const column of columns) {
    if (!readable.has(column)) {
      throw new DataverseErrorResponse(
        400,
        errorCodes.queryOrPayloadError,
        `Could not find a property named '${column}' on type 'Microsoft.Dynamics.CRM.${table.logicalName}'.`,
      );
    }
  }
  return columns;
}

function parseTop(top: string): number {
  if (!/^\d+$/.test(top) || Number(top) < 1) {
    throw new DataverseErrorResponse(400, errorCodes.queryOrPayloadError, `Invalid value '${top}' for $top query option found.`);
  }
  return Number(top);
}

/**
 * Shaped like Dataverse's paging cookie (`<cookie pagenumber="2" pagingcookie="…" istracking="False" />`);
 * clients must treat it as opaque. The simulator keeps the number of rows already returned in it.
 */
export function skipTokenFor(pageNumber: number, offset: number): string {
  const pagingCookie = encodeURIComponent(`<cookie page="${pageNumber - 1}" offset="${offset}" />`).toLowerCase();
  return `<cookie pagenumber="${pageNumber}" pagingcookie="${pagingCookie}" istracking="False" />`;
}

function offsetFromSkipToken(skipToken: string): number {
  const match = /offset%3d%22(\d+)%22/.exec(skipToken);
  if (!match) throw new DataverseErrorResponse(400, errorCodes.queryOrPayloadError, 'The $skiptoken is not valid.');
  return Number(match[1]);
}

export function pageNumberFromOffset(offset: number, pageSize: number): number {
  return Math.floor(offset / pageSize) + 1;
}
