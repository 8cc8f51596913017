import type { RowProblem } from '../../domain/bookkeeping/ImportedPaymentRow.js';
import { MissingImportColumnsError } from '../../domain/forms/errors.js';
import type { CsvRow } from './parseCsv.js';

/** The names a field's column may have in a file, most specific first. */
export type ColumnAliases<Field extends string> = Record<Field, readonly string[]>;

/**
 * Which of the file's columns holds each field: column names are compared without regard to case
 * or repeated spaces, and when a file has several of a field's names, the first in the alias list
 * wins. Throws `MissingImportColumnsError` naming each required field the file lacks, with the
 * names accepted for it.
 */
export function columnsByAlias<Field extends string>(columns: string[], aliases: ColumnAliases<Field>, required: readonly NoInfer<Field>[]): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(aliases) as Field[]) {
    const column = aliases[field].map(normalised).map((alias) => columns.find((candidate) => normalised(candidate) === alias)).find((candidate) => candidate !== undefined);
    if (column !== undefined) found[field] = column;
  }
  const missing = required.filter((field) => found[field] === undefined);
  if (missing.length > 0) {
    const fields = missing.map((field) => ({ field, problem: `column missing from the header row; name it one of ${aliases[field].map((alias) => `"${alias}"`).join(', ')}` }));
    throw new MissingImportColumnsError(`the file lacks the columns ${fields.map(({ field, problem }) => `${field} (${problem})`).join('; ')}`, fields);
  }
  return found;
}

/** The trimmed value of a field's column in a row; '' when the file has no such column. */
export function valueOf(row: CsvRow, column: string | undefined): string {
  return column === undefined ? '' : (row.values[column] ?? '').trim();
}

/** Rows of only empty values (Excel writes ";;;" lines below the data): nothing to read or report. */
export function isBlankRow(row: CsvRow): boolean {
  return Object.values(row.values).every((value) => value.trim() === '');
}

/** The problem of a row with more or fewer values than the header, or undefined. */
export function valueCountProblem(row: CsvRow, columnCount: number): RowProblem | undefined {
  return row.valueCount === columnCount ? undefined : { line: row.line, field: 'row', problem: `has ${row.valueCount} values; the header has ${columnCount} columns` };
}

function normalised(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
