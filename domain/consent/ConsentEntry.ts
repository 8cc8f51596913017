export const consentChannels = ['email', 'sms', 'phone', 'post'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

/** The topic meaning "everything on this channel" (e.g. withdrawing all email). */
export const wholeChannel = 'all';

export const consentSourceKinds = [
  'onlinefundraising-signup',
  'drupal-form',
  'playable-import',
  'webshop',
  'sms-keyword',
  'dialer-call',
  'preference-centre',
  'staff',
] as const;
export type ConsentSourceKind = (typeof consentSourceKinds)[number];

/** Where a consent change came from: the form, keyword, call or staff user. */
export interface ConsentSource {
  kind: ConsentSourceKind;
  /** The form id, keyword, call id, OF form… */
  id?: string;
  /** The staff user who entered it. */
  user?: string;
}

/**
 * [Permission][Permissionsstruktur1] One line of a person's consent log: written once, never
 * changed; what MS may do now is derived from all of them.
 */
export interface ConsentEntry {
  /** Derived from the event that caused it, so recording the same event twice adds nothing. */
  id: string;
  personId: string;
  /** When the person gave or withdrew it (UTC, ISO 8601). */
  at: string;
  /** When the engine recorded it. */
  recordedAt: string;
  channel: ConsentChannel;
  /** A topic from the topics table (e.g. "newsletter-1"), or "all" for the whole channel. */
  topic: string;
  action: 'granted' | 'withdrawn';
  source: ConsentSource;
  campaignCode?: string;
  /** The consent text exactly as the person saw it. */
  consentText?: string;
  /**
   * For a staff entry that gives back a phone or SMS consent the person withdrew: the person's own
   * request as staff noted it ("asked on the phone 3 May to be called again").
   */
  personsRequest?: string;
  /** Set on a line carried over from a person merged into this one: that person's id. */
  carriedFrom?: string;
}
