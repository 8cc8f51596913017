import type { Person } from '../person/Person.js';
import type { DrupalForm, OverwritableField } from './DrupalForm.js';

/**
 * [OnlineFundraising15] What a form submission may change on a person who exists: a field the form
 * may overwrite takes the submitted value; any other field is only filled in where the person has
 * none (so a petition never renames anyone unless staff allowed it).
 */
export function applyFormPolicy(existing: Person, submitted: Person, form: Pick<DrupalForm, 'overwritableFields'>): Person {
  const may = (name: OverwritableField) => form.overwritableFields.includes(name);
  const pick = <T>(name: OverwritableField, current: T, incoming: T, isEmpty: (value: T) => boolean): T =>
    isEmpty(incoming) ? current : may(name) || isEmpty(current) ? incoming : current;
  const blank = (text: string) => text.trim() === '';
  const emails = pick('email', existing.emails, submitted.emails, (list) => list.length === 0);
  const primary = pick('phone', existing.phones.primary, submitted.phones.primary, (phone) => phone === undefined);
  const address = pick('address', existing.address, submitted.address, (value) => value === undefined);
  return {
    ...existing,
    firstName: pick('firstName', existing.firstName, submitted.firstName, blank),
    lastName: pick('lastName', existing.lastName, submitted.lastName, blank),
    emails: may('email') ? [...new Set([...emails, ...existing.emails])] : emails,
    phones: { ...existing.phones, ...(primary && { primary }) },
    ...(address && { address }),
    // A CPR number is filled in where the person has none; a different one is left for member service.
    ...((existing.cpr ?? submitted.cpr) && { cpr: existing.cpr ?? submitted.cpr }),
  };
}
