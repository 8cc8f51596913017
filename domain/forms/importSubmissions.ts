import type { WorkQueue } from '../messaging/WorkItem.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { FormSubmission } from './FormSubmission.js';
import type { ImportedRow } from './ImportedRow.js';
import { drupalForm } from './drupalForms.js';
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
 * [OnlineFundraising15][Leadflow] A file of signatures (Playable's CSV) for a configured form: each
 * good row is queued to take the same path as a web form's submission; bad rows are reported by line
 * with the reason and left out. The import's id comes from the form and the file's content, so
 * uploading the same file again queues the same messages (and records nothing twice).
 */
export async function importSubmissions(
  file: { formId: string; content: string; columns: string[]; rows: ImportedRow[] },
  ports: { formImports: WorkQueue; drupalForms: DrupalFormStore; ids: Ids; clock: Clock },
): Promise<ImportReport> {
  await drupalForm(file.formId, ports);
  const missing = missingColumns(file.columns);
  if (missing.length > 0) throw new MissingImportColumnsError(`the file lacks the columns ${missing.join(', ')}`, missing.map((column) => ({ field: column, problem: 'column missing from the header row' })));
  const importId = ports.ids.fromKey(`import:${file.formId}:${file.content}`);
  const rejected: RowProblem[] = [];
  let accepted = 0;
  for (const row of file.rows) {
    const problems = rowProblems(row, file.columns.length);
    if (problems.length > 0) {
      rejected.push({ line: row.line, problems });
      continue;
    }
    await queueRow(file.formId, importId, row, ports);
    accepted++;
  }
  return { importId, accepted, rejected };
}

async function queueRow(formId: string, importId: string, row: ImportedRow, ports: { formImports: WorkQueue; ids: Ids; clock: Clock }): Promise<void> {
  const submission: FormSubmission = { formId, submissionId: `${importId}-${row.line}`, submittedAt: new Date(row.values.signed_at!.trim()).toISOString(), fields: row.values };
  await ports.formImports.enqueue({
    messageId: ports.ids.fromKey(`imported-submission:${formId}:${submission.submissionId}`),
    kind: importedSubmissionKind,
    body: submission,
    enqueuedAt: ports.clock.now().toISOString(),
  });
}
