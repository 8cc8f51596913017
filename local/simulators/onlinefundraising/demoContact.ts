import { type Random, demoPerson, pick } from '../shared/demoPerson.js';
import type { ContactRecord } from './entities.js';

const places = [
  { street: 'Nørrebrogade', postalCode: '2200', city: 'København N' },
  { street: 'Vesterbrogade', postalCode: '1620', city: 'København V' },
  { street: 'Søndergade', postalCode: '8000', city: 'Aarhus C' },
  { street: 'Vestergade', postalCode: '5000', city: 'Odense C' },
  { street: 'Boulevarden', postalCode: '9000', city: 'Aalborg' },
  { street: 'Åboulevarden', postalCode: '6700', city: 'Esbjerg' },
];
const contributionCodes = ['WEB-MEDLEM-NRF', 'WEB-KLIMA-NRF', 'WEB-NODHJAELP-RF', 'WEB-PETITION-NRF'];
const interests = ['klima', 'ligestilling', 'demokrati', 'flygtninge'];

/**
 * A private person signing up on ms.dk at `now` as OF would hold them: a Danish phone typed with
 * spaces, e-mail consent given on the signup form, SMS consent given or declined, one form field.
 */
export function demoContactFields(now: Date, random: Random = Math.random): Omit<ContactRecord, 'id' | 'created_at' | 'updated_at'> {
  const person = demoPerson(random);
  const place = pick(places, random);
  const contributionCode = pick(contributionCodes, random);
  const at = now.toISOString();
  return {
    first_name: person.firstName,
    last_name: person.lastName,
    email: person.email,
    email_secondary: null,
    phone: person.phone,
    phone_secondary: null,
    address: {
      street: `${place.street} ${1 + Math.floor(random() * 120)}, ${1 + Math.floor(random() * 5)}. th`,
      street2: null,
      postal_code: place.postalCode,
      city: place.city,
      country: 'DK',
    },
    contribution_code: contributionCode,
    company: null,
    cpr: null,
    consents: [
      { channel: 'email', given: true, at, source: contributionCode },
      { channel: 'sms', given: random() < 0.5, at, source: contributionCode },
    ],
    custom_fields: { interest: pick(interests, random) },
    merged_into_contact_id: null,
    anonymized_at: null,
    updated_by: 'staff',
  };
}
