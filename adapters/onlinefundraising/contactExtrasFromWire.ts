import type { SignupConsent } from '../../domain/person/Person.js';
import type { ContactWire } from './contactWireSchema.js';
import { text, utcInstant, withoutUndefined } from './wireValues.js';

export type OnlineFundraisingConsent = SignupConsent;

/** What OF holds on a contact beyond `OnlineFundraisingContact`'s fields. */
export interface OnlineFundraisingContactExtras {
  consents: OnlineFundraisingConsent[];
  /** Form-specific fields as submitted, e.g. { tshirt_size: 'M' }. */
  customFields: Record<string, string>;
}

/**
 * [OnlineFundraising1] A contact's consents and custom fields in the domain's words, in OF's order.
 * Null or missing lists read as empty; a blank source is left out.
 */
export function contactExtrasFromWire(wire: ContactWire): OnlineFundraisingContactExtras {
  return {
    consents: (wire.consents ?? []).map((consent) =>
      withoutUndefined({ channel: consent.channel, given: consent.given, at: utcInstant(consent.at), source: text(consent.source) }),
    ),
    customFields: { ...wire.custom_fields },
  };
}
