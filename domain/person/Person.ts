import type { SealedCpr } from './CprVault.js';
import type { FieldProblem, MappedValue } from '../mapping/FieldMapping.js';
import type { SupporterKind } from '../mirror/supporterKind.js';
import type { ContactChannel, InvalidContactFlag } from './invalidContact.js';
import type { PersonAnonymisation } from '../anonymisation/Anonymisation.js';
import type { ContactPreferences } from '../consent/ContactPreferences.js';

/** Postal address. `countryCode` is ISO 3166-1 alpha-2 ("DK" for Danish addresses). */
export interface PostalAddress {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  countryCode: string;
}

/** Set when the person signed up on behalf of a company; the person is then its contact person. */
export interface CompanyDetails {
  /** The engine's id of the company (a GUID); the CRM account uses the same id. */
  id: string;
  name: string;
  /** Danish business registration number (CVR), eight digits, when given. */
  cvr?: string;
}

/** A phone number OF gave us that could not be read as a real number; kept so staff can fix it. */
export interface RejectedPhone {
  field: 'primary' | 'secondary';
  raw: string;
}

/** Where the person's data came from in OnlineFundraising, and how new that data is. */
export interface OnlineFundraisingLink {
  contactId: string;
  /** OF's last-modified instant (UTC, ISO 8601) of the contact data we hold. */
  updatedAt: string;
}

/** A consent as OF recorded it at signup (kept as sent; the consent log is built on it later). */
export interface SignupConsent {
  channel: 'email' | 'sms' | 'phone' | 'post';
  given: boolean;
  /** Instant (UTC, ISO 8601) it was given or declined. */
  at: string;
  /** Where it was given (form, campaign code), when OF knows. */
  source?: string;
}

/**
 * One person as the engine knows them. `id` is the engine's own id (a GUID); the CRM record
 * uses the same id, so writing it again never creates a second record.
 */
export interface Person {
  id: string;
  firstName: string;
  lastName: string;
  /** Distinct, lower-cased; the first is the primary address. */
  emails: string[];
  /** E.164, e.g. "+4512345678". */
  phones: { primary?: string; secondary?: string };
  rejectedPhones: RejectedPhone[];
  address?: PostalAddress;
  /** The person's CPR number, sealed (never in clear), when they gave it (needed for the tax report of gifts). */
  cpr?: SealedCpr;
  company?: CompanyDetails;
  /** The contribution/campaign code the person signed up with (kampagnekode). */
  campaignCode?: string;
  onlineFundraising?: OnlineFundraisingLink;
  /** [OnlineFundraising1] The consents given or declined at signup, as OF sent them. */
  signupConsents?: SignupConsent[];
  /** Form fields as submitted, mapped or not; kept, never dropped. */
  customFields?: Record<string, string>;
  /** [CARE-Mapping] CRM columns filled from customFields by the mapping table. */
  mappedFields?: Record<string, MappedValue>;
  /** Form values a mapping rule could not read (the raw value stays in customFields). */
  fieldProblems?: FieldProblem[];
  /** [Rapportering2] Member, member with regular support, regular supporter or one-off donor; derived from their agreements. */
  supporterKind?: SupporterKind;
  /** [OnlineFundraising12] The primary email or phone marked as not working (bounce, failed SMS or call). */
  invalid?: Partial<Record<ContactChannel, InvalidContactFlag>>;
  /** [OnlineFundraising13] Set when this person was merged into another: everything for them goes to that survivor. */
  mergedInto?: string;
  /** [CARE-Anon] Silent for the rules' years: no segment or send takes them until they engage again. `since` is a business date. */
  doNotContact?: { since: string; reason: 'no-engagement' };
  /** [Permissionsstruktur1] Consent per channel and stop-list flags as last refreshed, for the CRM contact. */
  contactPreferences?: ContactPreferences;
  /** [GDPR1] Set when the person is anonymised: the record is then a tombstone holding nothing personal. */
  anonymisation?: PersonAnonymisation;
  /** What the CRM last got: a fingerprint of the person's data, so a repeat is not written again. */
  crm?: { writtenHash: string; writtenAt: string };
  /** Instants (UTC, ISO 8601) of the engine's own record. */
  createdAt: string;
  updatedAt: string;
}

/** [GDPR1] Anonymised or being anonymised: nothing may be written to the person again. */
export function isAnonymised(person: Pick<Person, 'anonymisation'>): boolean {
  return person.anonymisation !== undefined;
}

export function isCompany(person: Person): boolean {
  return person.company !== undefined;
}
