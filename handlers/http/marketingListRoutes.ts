import { Hono } from 'hono';
import type { MarketingLists } from '../../domain/marketing/ports.js';
import { externalKey, pathParams } from './pathParams.js';

/** [OnlineFundraising15] GET /admin/marketing-lists/{list}: who joined the list, when and from where. */
export function marketingListRoutes(deps: { marketingLists: MarketingLists }): Hono {
  return new Hono().get('/:list', pathParams({ list: externalKey }), async (c) => c.json({ list: c.req.param('list'), members: await deps.marketingLists.membersOf(c.req.param('list')) }));
}
