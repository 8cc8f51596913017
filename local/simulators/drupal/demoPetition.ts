import { type Random, demoPerson, pick } from '../shared/demoPerson.js';
import type { SubmissionData } from './submissionStore.js';

export const demoPetitionFormId = 'petition_klima';

const postalCodes = ['2200', '1620', '8000', '5000', '9000', '6700'];

/**
 * What someone signing MS's climate petition on ms.dk leaves in the webform: names, an e-mail, a
 * Danish mobile typed with spaces, a postal code, the newsletter checkbox ticked or not, and the
 * campaign's tracking source.
 */
export function demoPetitionData(random: Random = Math.random): SubmissionData {
  const person = demoPerson(random);
  return {
    first_name: person.firstName,
    last_name: person.lastName,
    email: person.email,
    phone: person.phone,
    postal_code: pick(postalCodes, random),
    newsletter: random() < 0.5 ? '1' : '0',
    utm_source: 'facebook',
  };
}
