import type { ChangedEntity } from './contactMerge.js';
import type { ContactRecord } from './entities.js';
import type { EntityStore } from './entityStore.js';

/** Why OF refuses an anonymisation: only an unknown contact. */
export class ContactAnonymiseError extends Error {
  constructor(
    readonly status: 404,
    readonly code: 'not_found',
    message: string,
  ) {
    super(message);
    this.name = 'ContactAnonymiseError';
  }
}

export interface ContactAnonymise {
  contact: ContactRecord;
  /** The contact, then each data set of it that was emptied; empty when it was anonymised already. */
  changed: ChangedEntity[];
}

/**
 * Anonymises a contact as OF is assumed to (`POST /contacts/<id>/anonymize`; [OnlineFundraising5]):
 * every personal field of the contact is emptied (names to "", contact details, address, company, CPR,
 * custom fields and consents to null or empty), `anonymized_at` is set, and its data sets (inbound SMS,
 * forms) lose their phone, text and fields. Agreements, subscriptions and payments stay: OF keeps its
 * bookkeeping. A contact anonymised already is left as it is, so asking again changes nothing.
 */
export function anonymiseContact(store: EntityStore, contactId: string, now: string): ContactAnonymise {
  const existing = store.get('contact', contactId);
  if (!existing) throw new ContactAnonymiseError(404, 'not_found', `no contact with id ${contactId}`);
  if (existing.anonymized_at) return { contact: existing, changed: [] };
  const { record } = store.put('contact', contactId, {
    first_name: '',
    last_name: '',
    email: null,
    email_secondary: null,
    phone: null,
    phone_secondary: null,
    address: null,
    company: null,
    cpr: null,
    custom_fields: {},
    consents: [],
    anonymized_at: now,
    updated_by: 'api',
  });
  const dataSets = store.matching('data_set', { contact_id: contactId }).map((dataSet) => dataSet.id).sort();
  for (const id of dataSets) store.put('data_set', id, { phone: null, text: null, fields: {} });
  return { contact: record, changed: [{ entity: 'contact', id: contactId }, ...dataSets.map((id) => ({ entity: 'data_set' as const, id }))] };
}
