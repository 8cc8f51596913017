import { type ImportedRow, importColumns } from './ImportedRow.js';

export interface RowProblem {
  line: number;
  problems: { field: string; problem: string }[];
}

/** [NFR-Input] No signer's row is longer than this; a longer one is a mistake in the file (a missing quote). */
export const maxRowCharacters = 4096;

/** The columns the file lacks, by name. */
export function missingColumns(columns: string[]): string[] {
  return importColumns.filter((column) => !columns.includes(column));
}

/**
 * [Leadflow] Why a row cannot be imported: the wrong number of values, neither email nor phone, or a
 * signing date that is no date. An email or phone that does not work is not a problem here: lead
 * washing keeps it, flagged.
 */
export function rowProblems(row: ImportedRow, columnCount: number): RowProblem['problems'] {
  const problems: RowProblem['problems'] = [];
  const size = Object.values(row.values).reduce((total, value) => total + value.length, 0);
  if (size > maxRowCharacters) problems.push({ field: 'row', problem: `holds ${size} characters; a row may hold at most ${maxRowCharacters}` });
  if (row.valueCount !== columnCount) problems.push({ field: 'row', problem: `has ${row.valueCount} values; the header has ${columnCount} columns` });
  if (!row.values.email?.trim() && !row.values.phone?.trim()) problems.push({ field: 'email', problem: 'give an email or a phone' });
  const signedAt = row.values.signed_at?.trim();
  if (!signedAt) problems.push({ field: 'signed_at', problem: 'required' });
  else if (Number.isNaN(Date.parse(signedAt))) problems.push({ field: 'signed_at', problem: `"${signedAt}" is not a date (YYYY-MM-DD or an ISO instant)` });
  return problems;
}
