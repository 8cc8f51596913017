import type { SubmissionData } from './submissionStore.js';

type Random = () => number;

export const demoPetitionFormId = 'petition_klima';

const firstNames = ['Mette', 'Anne', 'Kirsten', 'Hanne', 'Lars', 'Jens', 'Peter', 'Søren', 'Freja', 'Ida', 'Mads', 'Rasmus'];
const lastNames = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen'];
const postalCodes = ['2200', '1620', '8000', '5000', '9000', '6700'];
/** Danish mobile series; with a third digit of 1–9 every number in them is valid. */
const mobilePrefixes = ['20', '22', '26', '28', '30', '31', '40', '42', '50', '51', '53', '60', '61'];

/**
 * What someone signing MS's climate petition on ms.dk leaves in the webform: names, an e-mail, a
 * Danish mobile typed with spaces, a postal code, the newsletter checkbox ticked or not, and the
 * campaign's tracking source.
 */
export function demoPetitionData(random: Random = Math.random): SubmissionData {
  const firstName = pick(firstNames, random);
  const lastName = pick(lastNames, random);
  const mobile = `${pick(mobilePrefixes, random)}${1 + Math.floor(random() * 9)}${digits(5, random)}`;
  return {
    first_name: firstName,
    last_name: lastName,
    email: `${ascii(firstName)}.${ascii(lastName)}${digits(3, random)}@example.dk`,
    phone: mobile.replace(/(\d{2})(?=\d)/g, '$1 '),
    postal_code: pick(postalCodes, random),
    newsletter: random() < 0.5 ? '1' : '0',
    utm_source: 'facebook',
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
