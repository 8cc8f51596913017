import type { FieldMapping } from '../mapping/FieldMapping.js';
import type { FieldProblem } from '../mapping/FieldMapping.js';
import { type CprVault, sealCprNumber } from './CprVault.js';
import type { OnlineFundraisingContact } from './OnlineFundraisingContact.js';

/** The field-mapping target that means "this form field is the person's CPR number". */
export const cprMappingTarget = 'cpr';

/**
 * [OnlineFundraising1][KomMed-GDPR] The first thing done with a contact read from OF: its CPR number
 * (OF's `cpr` field, or a custom field mapped to `cpr`) is checked and sealed, and the clear value
 * is taken out of the contact, so it is never stored, indexed or logged. A value that is no CPR
 * number is dropped and reported as a field problem, without the value.
 */
export function sealContactCpr(contact: OnlineFundraisingContact, rules: readonly FieldMapping[], vault: CprVault): { contact: OnlineFundraisingContact; problem?: FieldProblem } {
  const cprFields = rules.filter((rule) => rule.target === cprMappingTarget && (!rule.form || rule.form === contact.contributionCode)).map((rule) => rule.sourceField);
  const customFields = Object.fromEntries(Object.entries(contact.customFields ?? {}).filter(([field]) => !cprFields.includes(field)));
  const mapped = cprFields.map((field) => contact.customFields?.[field]).find((value) => value?.trim());
  const { cpr: clear, customFields: _all, ...rest } = contact;
  const safe: OnlineFundraisingContact = { ...rest, ...(Object.keys(customFields).length > 0 && { customFields }) };
  const given = clear?.trim() || mapped;
  if (!given) return { contact: safe };
  const sealed = sealCprNumber(given, vault);
  if (!sealed.ok) return { contact: safe, problem: { sourceField: clear?.trim() ? 'cpr' : cprFields[0]!, target: cprMappingTarget, reason: sealed.problem } };
  return { contact: { ...safe, sealedCpr: sealed.sealed } };
}
