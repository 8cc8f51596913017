/** Where signatures come from. */
export const signatureSourceKinds = ['drupal-form', 'playable-import', 'sms-keyword'] as const;
export type SignatureSourceKind = (typeof signatureSourceKinds)[number];

/** The event a signature came from: the Drupal submission, the row of a Playable import, the SMS. */
export interface SignatureSource {
  kind: SignatureSourceKind;
  /** Unique per event at its source, e.g. `<formId>:<submissionId>`, `<importFile>:<row>`, the SMS message id. */
  id: string;
}

/**
 * [OnlineFundraising15][Leadflow] One person's signature of one petition, washed: whether the email
 * and phone given were usable is kept as flags, the values themselves are not. The person record
 * holds them; the signature keeps only opaque keys derived from them, so it still de-duplicates
 * after the person is anonymised.
 */
export interface Signature {
  /** Derived from the petition and the source event, so the same event recorded twice adds nothing. */
  id: string;
  petitionId: string;
  personId: string;
  /** When the person signed (UTC, ISO 8601). */
  signedAt: string;
  /** When the engine recorded it (UTC, ISO 8601). */
  recordedAt: string;
  source: SignatureSource;
  campaignCode?: string;
  /** email_OK: an email was given and looks like something@domain.tld. */
  emailOk: boolean;
  /** phone_OK: a phone was given and is a valid number (read as Danish without a country prefix). */
  phoneOk: boolean;
  /** Opaque de-duplication keys from the normalised email and phone (only from OK values). */
  contactKeys: string[];
  /** The person was not known to MS before: this signature created them. */
  newLead: boolean;
  /** When the signature was withdrawn (UTC, ISO 8601); a withdrawn signature no longer counts. */
  withdrawnAt?: string;
  /** Who withdrew it: the staff user, or how the person asked. */
  withdrawnBy?: string;
}
