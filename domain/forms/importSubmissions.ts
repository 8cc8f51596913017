import type { WorkQueue } from '../messaging/WorkItem.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { FormSubmission } from './FormSubmission.js';
import type { ImportedRow } from './ImportedRow.js';
import { drupalForm } from './drupalForms.js';
import { ImportRejectedError } from '../shared/errors.js';
import { MissingImportColumnsError } from './errors.js';
import { type RowProblem, missingColumns, rowProblems } from './importProblems.js';
import type { DrupalFormStore } from './ports.js';

export const importedSubmissionKind = 'imported-submission';

export interface ImportReport {
  importId: string;
  accepted: number;
  rejected: RowProblem[];
}

/**
 * [OnlineFundraising15][Leadflow] A file of signatures (Playable's CSV) for a configured form, each
 * row queued to take the same path as a web form's submission.
 * [NFR-Input] Accepted whole or not at all: every row is checked first, and one bad row refuses the
 * file (ImportRejectedError, every bad row by line) with nothing queued. A row is known by its content
 * within its form, not by the file, so a corrected file uploaded again records no row twice.
 */
export async function importSubmissions(
  file: { formId: string; content: string; columns: string[]; rows: ImportedRow[] },
  ports: { formImports: WorkQueue; drupalForms: DrupalFormStore; ids: Ids; clock: Clock },
): Promise<ImportReport> {
  await drupalForm(file.formId, ports);
  const missing = missingColumns(file.columns);
  if (missing.length > 0) throw new MissingImportColumnsError(`the file lacks the columns ${missing.join(', ')}`, missing.map((column) => ({ field: column, problem: 'column missing from the header row' })));
  const importId = ports.ids.fromKey(`import:${file.formId}:${file.content}`);
  const rejected = file.rows.map((row) => ({ line: row.line, problems: rowProblems(row, file.columns.length) })).filter((row) => row.problems.length > 0);
  if (rejected.length > 0) throw new ImportRejectedError(rejected.flatMap(({ line, problems }) => problems.map((problem) => ({ line, ...problem }))));
  for (const row of file.rows) await queueRow(file.formId, row, ports);
  return { importId, accepted: file.rows.length, rejected: [] };
}

async function queueRow(formId: string, row: ImportedRow, ports: { formImports: WorkQueue; ids: Ids; clock: Clock }): Promise<void> {
  const submission: FormSubmission = { formId, submissionId: ports.ids.fromKey(`imported-row:${formId}:${rowContentKey(row)}`), submittedAt: new Date(row.values.signed_at!.trim()).toISOString(), fields: row.values };
  await ports.formImports.enqueue({
    messageId: ports.ids.fromKey(`imported-submission:${formId}:${submission.submissionId}`),
    kind: importedSubmissionKind,
    body: submission,
    enqueuedAt: ports.clock.now().toISOString(),
  });
}

/** The row's values in column order of their names, so the same signer on another line (or file) is the same row. */
function rowContentKey(row: ImportedRow): string {
  return JSON.stringify(Object.entries(row.values).map(([column, value]) => [column, value.trim()]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}
