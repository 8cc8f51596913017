import type { ContactRecord } from './entities.js';

type Random = () => number;

const firstNames = ['Mette', 'Anne', 'Kirsten', 'Hanne', 'Lars', 'Jens', 'Peter', 'Søren', 'Freja', 'Ida', 'Mads', 'Rasmus'];
const lastNames = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen'];
const places = [
  { street: 'Nørrebrogade', postalCode: '2200', city: 'København N' },
  { street: 'Vesterbrogade', postalCode: '1620', city: 'København V' },
  { street: 'Søndergade', postalCode: '8000', city: 'Aarhus C' },
  { street: 'Vestergade', postalCode: '5000', city: 'Odense C' },
  { street: 'Boulevarden', postalCode: '9000', city: 'Aalborg' },
  { street: 'Åboulevarden', postalCode: '6700', city: 'Esbjerg' },
];
/** Danish mobile series; with a third digit of 1–9 every number in them is valid (checked against libphonenumber). */
const mobilePrefixes = ['20', '22', '26', '28', '30', '31', '40', '42', '50', '51', '53', '60', '61'];
const contributionCodes = ['WEB-MEDLEM-NRF', 'WEB-KLIMA-NRF', 'WEB-NODHJAELP-RF', 'WEB-PETITION-NRF'];
const interests = ['klima', 'ligestilling', 'demokrati', 'flygtninge'];

/**
 * A private person signing up on ms.dk at `now` as OF would hold them: a Danish phone typed with
 * spaces, e-mail consent given on the signup form, SMS consent given or declined, one form field.
 */
export function demoContactFields(now: Date, random: Random = Math.random): Omit<ContactRecord, 'id' | 'created_at' | 'updated_at'> {
  const firstName = pick(firstNames, random);
  const lastName = pick(lastNames, random);
  const place = pick(places, random);
  const mobile = `${pick(mobilePrefixes, random)}${1 + Math.floor(random() * 9)}${digits(5, random)}`;
  const contributionCode = pick(contributionCodes, random);
  const at = now.toISOString();
  return {
    first_name: firstName,
    last_name: lastName,
    email: `${ascii(firstName)}.${ascii(lastName)}${digits(3, random)}@example.dk`,
    email_secondary: null,
    phone: mobile.replace(/(\d{2})(?=\d)/g, '$1 '),
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
    consents: [
      { channel: 'email', given: true, at, source: contributionCode },
      { channel: 'sms', given: random() < 0.5, at, source: contributionCode },
    ],
    custom_fields: { interest: pick(interests, random) },
    merged_into_contact_id: null,
    updated_by: 'staff',
  };
}

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)] as T;
}

function digits(count: number, random: Random): string {
  return Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
}

function ascii(name: string): string {
  return name.toLowerCase().replace(/ø/g, 'oe').replace(/æ/g, 'ae').replace(/å/g, 'aa');
}
