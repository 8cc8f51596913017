import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { MarketingListMember } from './MarketingListMember.js';
import type { MarketingLists } from './ports.js';

/** [OnlineFundraising15][OnlineFundraising9] Puts the person on the list; joining again changes nothing. */
export async function addToMarketingList(
  join: { list: string; personId: string; source: MarketingListMember['source']; campaignCode?: string | undefined },
  ports: { marketingLists: MarketingLists; ids: Ids; clock: Clock },
): Promise<'added' | 'exists'> {
  return ports.marketingLists.add({
    id: ports.ids.fromKey(`marketing-list:${join.list}:${join.personId}`),
    list: join.list,
    personId: join.personId,
    addedAt: ports.clock.now().toISOString(),
    source: join.source,
    ...(join.campaignCode && { campaignCode: join.campaignCode }),
  });
}
