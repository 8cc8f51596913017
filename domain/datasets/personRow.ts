import { consentChannels } from '../consent/ConsentEntry.js';
import type { ConsentEntry } from '../consent/ConsentEntry.js';
import { mayContact } from '../consent/currentConsents.js';
import type { Person } from '../person/Person.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { DatasetRow } from './DatasetDefinition.js';

export const classifications = ['member', 'member_with_regular_support', 'regular_supporter', 'one_off_donor', 'signer', 'lead'] as const;
export type Classification = (typeof classifications)[number];

/** What the people export knows besides the person: gathered once per export, not per person. */
export interface PeopleContext {
  signers: ReadonlySet<string>;
  joined: ReadonlyMap<string, { memberSince?: string; regularSupporterSince?: string }>;
  consentLogs: ReadonlyMap<string, ConsentEntry[]>;
  municipalityOfPostcode: ReadonlyMap<string, string>;
}

/**
 * [Rapportering2] What a person is to MS, the first thing analysts ask: a member; a member who also
 * gives regular support; a regular supporter only; a one-off donor; someone who only signed a
 * petition; or a lead (known, none of these). Agreements decide first (running ones, as everywhere
 * in the engine); a signature only makes a signer of someone who gives nothing.
 */
export function classificationOf(person: Person, signers: ReadonlySet<string>): Classification {
  const kind = person.supporterKind ?? 'none';
  if (kind !== 'none') return kind;
  return signers.has(person.id) ? 'signer' : 'lead';
}

/** [Rapportering1][Rapportering2] A person as a `people` row: no names, contact details or CPR. */
export function personRow(person: Person, context: PeopleContext): DatasetRow {
  const joined = context.joined.get(person.id);
  const log = context.consentLogs.get(person.id) ?? [];
  const consent = Object.fromEntries(consentChannels.map((channel) => [`consent_${channel}`, mayContact(log, channel)]));
  const postcode = person.address?.postalCode ?? null;
  return {
    person_id: person.id,
    classification: classificationOf(person, context.signers),
    first_seen: copenhagenDateOf(new Date(person.createdAt)),
    member_since: joined?.memberSince ?? null,
    regular_supporter_since: joined?.regularSupporterSince ?? null,
    campaign_of_origin: person.campaignCode ?? null,
    ...consent,
    postcode,
    municipality: (postcode && context.municipalityOfPostcode.get(postcode)) || null,
    country: person.address?.countryCode ?? null,
    is_company: person.company !== undefined,
  };
}
