import type { MarketingListMember } from './MarketingListMember.js';

/** Port: marketing list memberships. */
export interface MarketingLists {
  /** 'exists' when the person is on the list already (the first membership stands). */
  add(member: MarketingListMember): Promise<'added' | 'exists'>;
  membersOf(list: string): Promise<MarketingListMember[]>;
}
