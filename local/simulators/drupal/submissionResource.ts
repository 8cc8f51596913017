import type { StoredSubmission } from './submissionStore.js';

/** PHP's DateTime::RFC3339, as Drupal names the format beside every normalised timestamp. */
const rfc3339Format = 'Y-m-d\\TH:i:sP';

/**
 * The body of webform_rest's `GET /webform_rest/<form>/submission/<sid>`: the submission entity as
 * Drupal's serializer normalises it (base fields as item lists; integers as numbers; timestamps
 * RFC 3339 in UTC, to the second) and the elements' values as stored.
 */
export function submissionResource(submission: StoredSubmission): { entity: Record<string, unknown[]>; data: unknown } {
  return {
    entity: {
      serial: [{ value: submission.serial }],
      sid: [{ value: integerOrText(submission.submissionId) }],
      uuid: [{ value: submission.uuid }],
      uri: [{ value: `/form/${submission.formId.replaceAll('_', '-')}` }],
      created: [timestamp(submission.createdAt)],
      completed: [timestamp(submission.createdAt)],
      changed: [timestamp(submission.changedAt)],
      in_draft: [{ value: false }],
      current_page: [],
      remote_addr: [{ value: '127.0.0.1' }],
      uid: [{ target_id: 0, target_type: 'user', url: '/user/0' }],
      langcode: [{ value: 'da' }],
      webform_id: [{ target_id: submission.formId, target_type: 'webform' }],
      entity_type: [],
      entity_id: [],
      locked: [{ value: false }],
      sticky: [{ value: false }],
      notes: [],
    },
    // PHP encodes an empty associative array as a JSON list.
    data: Object.keys(submission.data).length === 0 ? [] : submission.data,
  };
}

function timestamp(instant: string): { value: string; format: string } {
  const date = new Date(instant);
  const value = Number.isNaN(date.getTime()) ? instant : `${date.toISOString().slice(0, 19)}+00:00`;
  return { value, format: rfc3339Format };
}

function integerOrText(id: string): number | string {
  return /^[1-9]\d*$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id;
}
