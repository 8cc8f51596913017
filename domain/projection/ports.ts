import type { MirrorRecord } from '../mirror/MirrorRecord.js';

/** One record as the CRM will hold it: where it goes and what is written (opaque to the domain). */
export interface ProjectedRecord {
  /** Stable key of the CRM record, e.g. "msengine_payments(<engine id>)". */
  key: string;
  /** Exactly what would be written; two equal payloads mean nothing changed in the CRM's eyes. */
  payload: Record<string, unknown>;
}

export interface CrmWriteResult {
  key: string;
  ok: boolean;
  /** Why the write failed, when it did. */
  error?: string;
}

/**
 * [OnlineFundraising2][NFR-Throttle] Port: the CRM side of the projector. `project` is pure (the
 * mapping to CRM columns); `writeMany` sends many records in as few requests as the CRM allows
 * ($batch), pacing itself by the CRM's service-protection signals, and reports per record.
 */
export interface CrmMirrorWriter {
  project(record: MirrorRecord): ProjectedRecord;
  writeMany(records: ProjectedRecord[]): Promise<CrmWriteResult[]>;
}
