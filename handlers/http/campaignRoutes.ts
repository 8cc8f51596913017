import { Hono } from 'hono';
import { z } from 'zod';
import { campaignKinds, campaignSources } from '../../domain/bookkeeping/Campaign.js';
import { campaignCodingOf } from '../../domain/bookkeeping/campaignCoding.js';
import type { CampaignCatalogue } from '../../domain/bookkeeping/ports.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest, problem } from './problem.js';

export const campaignCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_. -]{0,99}$/, 'a campaign code: letters, digits, _ . - and spaces, at most 100');
const dimension = z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/, 'a dimension value code (at most 20 letters, digits, _ . -)');

export const campaignBody = z.object({
  name: z.string().min(1).max(200),
  restricted: z.boolean().optional(),
  source: z.enum(campaignSources).optional(),
  kind: z.enum(campaignKinds).optional(),
  accountNumber: z.string().regex(/^[A-Za-z0-9-]{1,20}$/).optional(),
  project: dimension.optional(),
  budgetLine: dimension.optional(),
});

/**
 * [Kampagnemodel] GET /admin/campaigns, GET/PUT /admin/campaigns/{code}: campaigns and the posting
 * dimensions their payments inherit. Restriction, source and kind are read from the name's coding
 * (_RF/_NRF, legacy GF = NRF; WEB/SMS/PHONE/SHOP; ONE-OFF/DON/MEM-DON) unless given.
 */
export function campaignRoutes(deps: { campaigns: CampaignCatalogue; clock: Clock }): Hono {
  return new Hono()
    .get('/', async (c) => c.json({ campaigns: await deps.campaigns.all() }))
    .get('/:code', async (c) => {
      const campaign = await deps.campaigns.get(c.req.param('code'));
      if (!campaign) throw new NotFoundError(`no campaign ${c.req.param('code')}`);
      return c.json(campaign);
    })
    .put('/:code', async (c) => {
      const code = campaignCode.safeParse(c.req.param('code'));
      if (!code.success) return problem(c, 400, 'invalid_request', 'the campaign code is not valid', [{ field: 'code', problem: code.error.issues[0]!.message }]);
      const body = campaignBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const coding = campaignCodingOf(body.data.name);
      const restricted = body.data.restricted ?? coding.restricted;
      if (restricted === undefined) return problem(c, 400, 'invalid_request', 'say whether the campaign is restricted', [{ field: 'restricted', problem: 'give it, or write _RF or _NRF in the name' }]);
      const campaign = { ...coding, ...body.data, code: code.data, restricted, updatedAt: deps.clock.now().toISOString() };
      await deps.campaigns.save(campaign);
      return c.json(campaign);
    });
}
