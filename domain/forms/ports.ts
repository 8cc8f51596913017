import type { Versioned } from '../person/ports.js';
import type { FormSubmissionRecord } from './FormSubmissionRecord.js';
import type { DrupalFormTable } from './DrupalForm.js';

/** Port: the Drupal forms table staff maintain. */
export interface DrupalFormStore {
  get(id: string): Promise<Versioned<DrupalFormTable> | null>;
  /** Without `etag` only creates; with it replaces only if unchanged. */
  save(table: DrupalFormTable, etag?: string): Promise<'saved' | 'stale'>;
}

/** Port: the processed form submissions (the data sets of forms), each linked to its person. */
export interface FormSubmissionRecords {
  save(record: FormSubmissionRecord): Promise<void>;
  ofPerson(personId: string): Promise<FormSubmissionRecord[]>;
  /** The record of a submission (by `<formId>:<submissionId>` or the import row's id), if it was processed. */
  get(id: string): Promise<FormSubmissionRecord | null>;
}
