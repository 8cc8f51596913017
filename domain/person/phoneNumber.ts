import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Normalises a phone number as typed on a form to E.164. Numbers without a country prefix are
 * read as Danish; "+46 …" and "0046 …" are read as foreign. Returns undefined when the text is not
 * a valid number of any country (a rule kept in the domain; libphonenumber-js is pure computation).
 */
export function toE164(raw: string, defaultCountry: 'DK' = 'DK'): string | undefined {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry);
  return parsed?.isValid() ? parsed.number : undefined;
}
