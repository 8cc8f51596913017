import type { SignupConsent } from './Person.js';
import type { SealedCpr } from './CprVault.js';

/**
 * A contact as OnlineFundraising holds it, in the domain's words. The OF adapter translates OF's
 * wire format into this; the domain turns it into a Person.
 */
export interface OnlineFundraisingContact {
  id: string;
  /** OF's last-modified instant (UTC, ISO 8601). */
  updatedAt: string;
  /** [OnlineFundraising13] Set once OF merged this contact into another: that contact is the one that lives on. */
  mergedIntoContactId?: string;
  /** [OnlineFundraising5] Set once OF anonymised the contact (UTC instant): it holds nothing to take. */
  anonymisedAt?: string;
  firstName: string;
  lastName: string;
  email?: string;
  secondaryEmail?: string;
  phone?: string;
  secondaryPhone?: string;
  address?: {
    street: string;
    street2?: string;
    postalCode: string;
    city: string;
    /** ISO 3166-1 alpha-2. */
    countryCode: string;
  };
  /** The contribution code of the form or landing page the contact signed up through. */
  contributionCode?: string;
  companyName?: string;
  cvr?: string;
  consents?: SignupConsent[];
  /** Form-specific fields as submitted, e.g. { tshirt_size: 'M' }. */
  customFields?: Record<string, string>;
  /** The CPR number as OF holds it: in clear only between the OF adapter and `sealContactCpr`. */
  cpr?: string;
  /** The CPR number once sealed (`sealContactCpr`); the clear one is gone by then. */
  sealedCpr?: SealedCpr;
}
