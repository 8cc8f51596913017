import { Hono } from 'hono';
import { z } from 'zod';
import { consentChannels } from '../../domain/consent/ConsentEntry.js';
import { cancelAgreementViaMs } from '../../domain/dunning/cancelAgreementViaMs.js';
import { currentDunningSettings } from '../../domain/dunning/currentDunningSettings.js';
import { replaceDunningSettings } from '../../domain/dunning/replaceDunningSettings.js';
import { type GroupSegmentPorts, groupSegment } from '../../domain/dunning/groupSegment.js';
import type { DunningSettingsStore, OnlineFundraisingAgreements } from '../../domain/dunning/ports.js';
import { dunningGroups } from '../../domain/dunning/SegmentMember.js';
import type { AgreementStatePorts } from '../../domain/dunning/updateAgreementState.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { segmentMembersCsv } from '../../adapters/csv/segmentMembersCsv.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest, problem } from './problem.js';
import { externalKey, pathParams } from './pathParams.js';
import { actorOf } from './access/staffOf.js';
import { actorReference } from '../../domain/shared/Actor.js';

export interface DunningRouteDeps extends GroupSegmentPorts, AgreementStatePorts {
  onlineFundraisingAgreements: OnlineFundraisingAgreements;
  dunningSettings: DunningSettingsStore;
  logger: Logger;
}

export const segmentQuery = z.object({
  handover: z.literal('tm').optional(),
  channel: z.enum(consentChannels).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  pageSize: z.coerce.number().int().min(1).max(5_000).default(500),
  continuationToken: z.string().min(1).optional(),
  cancelledFrom: z.iso.date().optional(),
  cancelledTo: z.iso.date().optional(),
});

export const settingsBody = z
  .object({
    graceDays: z.number().int().min(0).max(60),
    neverPaidAfterMonths: z.number().int().min(1).max(24),
    monthlyMissedInARow: z.number().int().min(1).max(12),
    winbackFromMonths: z.number().int().min(1).max(120),
    winbackToMonths: z.number().int().min(1).max(120),
  })
  .refine((settings) => settings.winbackFromMonths < settings.winbackToMonths, { message: 'the window must start before it ends', path: ['winbackToMonths'] });

export const cancelBody = z.object({ reason: z.string().min(1).max(500) });

/**
 * [CampaignAutomation6][CampaignAutomation3] GET /admin/segments/{group} (group-1, group-2, group-3,
 * winback; `handover=tm` for telemarketing; `channel=email|post|sms|phone`, default email; `format=csv`; paged by `continuationToken`; winback cut by
 * `cancelledFrom`/`cancelledTo`). GET/PUT /admin/dunning-settings. POST
 * /admin/agreements/{ofAgreementId}/cancel {reason}: staff cancel an agreement via MS.
 */
export function dunningRoutes(deps: DunningRouteDeps): Hono {
  return new Hono()
    .get('/segments/:group', async (c) => {
      const group = z.enum(dunningGroups).safeParse(c.req.param('group'));
      if (!group.success) return problem(c, 404, 'not_found', `no segment ${c.req.param('group')}; the daily groups are ${dunningGroups.join(', ')}`);
      const query = segmentQuery.safeParse(c.req.query());
      if (!query.success) return invalidRequest(c, query.error, 'query');
      const { format, ...request } = query.data;
      const page = await groupSegment({ group: group.data, ...request }, deps);
      c.set('auditedPersons', page.members.map((member) => member.personId));
      if (format === 'json') return c.json(page);
      return c.body(segmentMembersCsv(page.members), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${group.data}-${page.forDate}.csv"`,
        ...(page.continuationToken && { 'x-continuation-token': page.continuationToken }),
      });
    })
    .get('/dunning-settings', async (c) => c.json(await currentDunningSettings(deps)))
    .put('/dunning-settings', async (c) => {
      const body = settingsBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await replaceDunningSettings(body.data, deps));
    })
    .post('/agreements/:id/cancel', pathParams({ id: externalKey }), async (c) => {
      const body = cancelBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const cancelledBy = actorReference(actorOf(c));
      const state = await cancelAgreementViaMs(c.req.param('id'), { reason: body.data.reason, cancelledBy }, deps);
      deps.logger.info('agreement cancelled via MS', { agreementId: c.req.param('id'), by: actorOf(c).id });
      return c.json(state);
    });
}
