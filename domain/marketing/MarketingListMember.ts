/**
 * [OnlineFundraising15][OnlineFundraising9] A person on a marketing list (e.g. "klima-nyhedsbrev"),
 * put there by a form or an SMS keyword. Being on a list is not consent: every send to a list goes
 * through the segment filter (team limits, stop list, consent).
 */
export interface MarketingListMember {
  /** One per list and person, so joining twice is one membership. */
  id: string;
  list: string;
  personId: string;
  addedAt: string;
  source: { kind: 'drupal-form' | 'playable-import' | 'sms-keyword'; id: string };
  campaignCode?: string;
}
