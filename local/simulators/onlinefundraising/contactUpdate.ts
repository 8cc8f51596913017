import { z } from 'zod';
import type { ChangedEntity } from './contactMerge.js';
import type { ContactRecord } from './entities.js';
import type { EntityStore } from './entityStore.js';

/** The contact's master data, the only fields `PATCH /contacts/<id>` may change. */
export const contactUpdatableFields = [
  'first_name',
  'last_name',
  'email',
  'email_secondary',
  'phone',
  'phone_secondary',
  'address',
  'company',
] as const;

const text = z.string().nullable();

/** A key left out is unchanged; null clears. An address or company is replaced whole; keys left out of it are stored as null. */
const contactChangesSchema = z.strictObject({
  first_name: text.optional(),
  last_name: text.optional(),
  email: text.optional(),
  email_secondary: text.optional(),
  phone: text.optional(),
  phone_secondary: text.optional(),
  address: z
    .strictObject({
      street: text.default(null),
      street2: text.default(null),
      postal_code: text.default(null),
      city: text.default(null),
      country: text.default(null),
    })
    .nullable()
    .optional(),
  company: z.strictObject({ name: z.string(), cvr: text.default(null) }).nullable().optional(),
});

/** The body of `PATCH /contacts/<id>` as a caller writes it. */
export type ContactChangesInput = z.input<typeof contactChangesSchema>;
/** The body of `PATCH /contacts/<id>` once checked: nested objects complete. */
export type ContactChanges = z.output<typeof contactChangesSchema>;

export interface ContactUpdate {
  /** The contact after the update (as it was, when nothing changed). */
  contact: ContactRecord;
  /** The contact, or empty when the update changed nothing. */
  changed: ChangedEntity[];
}

/** Why OF refuses a contact update, with the status and error code its API answers. */
export class ContactUpdateError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 412,
    readonly code: 'invalid_request' | 'not_found' | 'conflict' | 'precondition_failed',
    message: string,
  ) {
    super(message);
    this.name = 'ContactUpdateError';
  }
}

/** The version tag of an entity (a contact's, for `If-Match`): its `updated_at`, quoted like an HTTP entity tag. */
export function etagOf(record: { updated_at: string }): string {
  return `"${record.updated_at}"`;
}

/** Checks a `PATCH /contacts/<id>` body; throws ContactUpdateError 400 naming what is wrong. */
export function parseContactChanges(body: unknown): ContactChanges {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ContactUpdateError(400, 'invalid_request', 'the body must be a JSON object of the contact fields to change');
  }
  const refused = Object.keys(body).filter((field) => !(contactUpdatableFields as readonly string[]).includes(field));
  if (refused.length > 0) {
    throw new ContactUpdateError(
      400,
      'invalid_request',
      `cannot be changed through the API: ${refused.join(', ')} (only ${contactUpdatableFields.join(', ')})`,
    );
  }
  const parsed = contactChangesSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
    throw new ContactUpdateError(400, 'invalid_request', issues.join('; '));
  }
  return parsed.data;
}

/**
 * Changes a contact's master data as OF's API is assumed to (`PATCH /contacts/<id>`). Checked in
 * this order: the body (400), the contact exists (404) and has not been merged away (409), then
 * `ifMatch` (412): an `If-Match` header value, `*` or a list of `"<updated_at>"` tags. Fields that
 * differ are written with `updated_by: "api"` and updated_at moves; when none differ nothing is
 * written and `changed` is empty.
 */
export function updateContact(store: EntityStore, contactId: string, body: unknown, options: { ifMatch?: string } = {}): ContactUpdate {
  const changes = parseContactChanges(body);
  const contact = store.get('contact', contactId);
  if (!contact) throw new ContactUpdateError(404, 'not_found', `no contact with id ${contactId}`);
  if (contact.merged_into_contact_id) {
    throw new ContactUpdateError(409, 'conflict', `contact ${contactId} has been merged into ${contact.merged_into_contact_id}; change that one`);
  }
  if (options.ifMatch !== undefined && !ifMatchAllows(options.ifMatch, contact)) {
    throw new ContactUpdateError(412, 'precondition_failed', `contact ${contactId} has changed: it is now at ${etagOf(contact)}`);
  }
  const differs = Object.entries(changes).some(([field, value]) => !sameValue(fieldOf(contact, field), value));
  if (!differs) return { contact, changed: [] };
  const { record } = store.put('contact', contactId, { ...changes, updated_by: 'api' });
  return { contact: record, changed: [{ entity: 'contact', id: contactId }] };
}

/** `If-Match` (RFC 9110 §13.1.1): `*`, or a comma-separated list of entity tags compared strongly. */
function ifMatchAllows(header: string, contact: ContactRecord): boolean {
  const etag = etagOf(contact);
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === etag);
}

/** Equal as JSON, with a missing key the same as null (a seeded address may lack `street2`). */
function sameValue(stored: unknown, given: unknown): boolean {
  if (isPlainObject(stored) && isPlainObject(given)) {
    const fields = new Set([...Object.keys(stored), ...Object.keys(given)]);
    return [...fields].every((field) => sameValue(stored[field], given[field]));
  }
  return (stored ?? null) === (given ?? null);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldOf(contact: ContactRecord, field: string): unknown {
  return (contact as unknown as Record<string, unknown>)[field];
}
