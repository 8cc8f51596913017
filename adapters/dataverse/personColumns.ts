import type { CompanyDetails, Person } from '../../domain/person/Person.js';
import { isFlaggedInvalid } from '../../domain/person/flagInvalidContact.js';
import { type ContactPreferences, noContactPreferences } from '../../domain/consent/ContactPreferences.js';

/**
 * Person → Dataverse `contact` columns. Every column the engine owns is always sent, null when the
 * person has no value, so a value removed at the source is removed in the CRM too. Custom columns
 * carry MS's publisher prefix `msengine_`.
 */
export function contactColumns(person: Person): Record<string, unknown> {
  const { address } = person;
  return {
    // Columns from the staff-maintained mapping table first, so the engine's own columns always win.
    ...person.mappedFields,
    firstname: person.firstName,
    lastname: person.lastName,
    emailaddress1: person.emails[0] ?? null,
    emailaddress2: person.emails[1] ?? null,
    mobilephone: person.phones.primary ?? null,
    telephone2: person.phones.secondary ?? null,
    address1_line1: address?.line1 ?? null,
    address1_line2: address?.line2 ?? null,
    address1_postalcode: address?.postalCode ?? null,
    address1_city: address?.city ?? null,
    // ISO 3166-1 alpha-2 ("DK"), as the engine holds it.
    address1_country: address?.countryCode ?? null,
    msengine_ofcontactid: person.onlineFundraising?.contactId ?? null,
    msengine_campaigncode: person.campaignCode ?? null,
    msengine_supporterkind: person.supporterKind ?? null,
    msengine_invalidemail: isFlaggedInvalid(person, 'email'),
    msengine_invalidphone: isFlaggedInvalid(person, 'phone'),
    // [OnlineFundraising1] What OF sent that is no phone number, for staff to see and correct in Dynamics.
    msengine_unreadablephone: unreadablePhones(person),
    ...preferenceColumns(person.contactPreferences ?? noContactPreferences),
    ...(person.company && { 'parentcustomerid_account@odata.bind': accountReference(person.company.id) }),
  };
}

/**
 * [Permissionsstruktur1] Consent and the stop list on the contact, so what Dynamics sends honours them:
 * the standard do-not columns (a mail, call or letter from Dynamics checks them) and the engine's own
 * for SMS consent and the two stop-list flags. No consent is "do not".
 */
function preferenceColumns(preferences: ContactPreferences): Record<string, boolean> {
  return {
    donotemail: !preferences.email,
    donotbulkemail: !preferences.email,
    donotphone: !preferences.phone || preferences.stopList.telemarketing,
    donotpostalmail: !preferences.post,
    msengine_smsconsent: preferences.sms && !preferences.stopList.sms,
    msengine_stoplistsms: preferences.stopList.sms,
    msengine_stoplisttelemarketing: preferences.stopList.telemarketing,
  };
}

/** "mobile: 12 34 ab; other: 000" (at most 200 characters), or null when every phone OF sent was readable. */
function unreadablePhones(person: Person): string | null {
  if (person.rejectedPhones.length === 0) return null;
  const text = person.rejectedPhones.map(({ field, raw }) => `${field === 'primary' ? 'mobile' : 'other'}: ${raw}`).join('; ');
  return text.slice(0, 200);
}

/** Company → Dataverse `account` columns (the account has the company's id). */
export function accountColumns(company: CompanyDetails): Record<string, unknown> {
  return { name: company.name, msengine_cvr: company.cvr ?? null };
}

/** Makes the contact the account's primary contact (the link from the account back to the person). */
export function primaryContactColumns(person: Person): Record<string, unknown> {
  return { 'primarycontactid@odata.bind': `/contacts(${person.id})` };
}

function accountReference(accountId: string): string {
  return `/accounts(${accountId})`;
}

/**
 * [OnlineFundraising13] The Merge action's parameters: the survivor's contact is the Target, the
 * merged person's the Subordinate. No UpdateContent (the engine writes the survivor's columns
 * itself) and no parenting checks (a company person's account may differ; the engine decides).
 */
export function contactMergeParameters(survivorPersonId: string, mergedPersonId: string): Record<string, unknown> {
  return {
    Target: { '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid: survivorPersonId },
    Subordinate: { '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid: mergedPersonId },
    PerformParentingChecks: false,
  };
}
