import type { DrupalSubmission } from '../../domain/forms/DrupalSubmission.js';
import { fieldsFromWire } from './fieldsFromWire.js';
import type { SubmissionWire } from './submissionWireSchema.js';

/** webform_rest's answer in the domain's words; the schema guarantees the first items exist. */
export function submissionFromWire(wire: SubmissionWire): DrupalSubmission {
  const { entity } = wire;
  return {
    formId: first(entity.webform_id).target_id,
    submissionId: String(first(entity.sid).value),
    submittedAt: new Date(first(entity.created).value).toISOString(),
    fields: fieldsFromWire(wire.data),
  };
}

function first<T>(items: T[]): T {
  const [item] = items;
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}
