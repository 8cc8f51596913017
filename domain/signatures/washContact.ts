import { toE164 } from '../person/phoneNumber.js';
import type { Ids } from '../shared/Ids.js';
import type { Signature } from './Signature.js';

/** something@domain.tld: no spaces, one @, non-empty domain labels, a top-level domain of letters (or an IDN one). */
const emailShape = /^[^\s@]+@(?:[^\s@.]+\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u;

/**
 * [Leadflow] Lead washing: whether the email and phone a signer gave are usable, and the opaque
 * de-duplication keys of the usable ones (`email:<trimmed, lower case>`, `phone:<E.164>` through
 * `Ids.fromKey`). Unusable values give a false flag and no key.
 */
export function washContact(contact: { email?: string | undefined; phone?: string | undefined }, ids: Ids): Pick<Signature, 'emailOk' | 'phoneOk' | 'contactKeys'> {
  const email = normaliseEmail(contact.email);
  const phone = contact.phone?.trim() ? toE164(contact.phone) : undefined;
  return {
    emailOk: email !== undefined,
    phoneOk: phone !== undefined,
    contactKeys: [...(email ? [ids.fromKey(`email:${email}`)] : []), ...(phone ? [ids.fromKey(`phone:${phone}`)] : [])],
  };
}

function normaliseEmail(raw: string | undefined): string | undefined {
  const email = raw?.trim().toLowerCase();
  return email && emailShape.test(email) ? email : undefined;
}
