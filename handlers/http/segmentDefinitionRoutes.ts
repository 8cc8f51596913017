import { Hono } from 'hono';
import { z } from 'zod';
import { consentChannels } from '../../domain/consent/ConsentEntry.js';
import { classifications } from '../../domain/datasets/personRow.js';
import { dunningGroups } from '../../domain/dunning/SegmentMember.js';
import { type EvaluationPorts, evaluateSegment } from '../../domain/segments/evaluateSegment.js';
import { type SaveSegmentPorts, saveSegmentDefinition } from '../../domain/segments/saveSegmentDefinition.js';
import { actorReference } from '../../domain/shared/Actor.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { actorOf, staffOf } from './access/staffOf.js';
import { parseJsonBody } from './parseJsonBody.js';
import { engineId, externalKey, pathParams } from './pathParams.js';
import { invalidRequest, problem } from './problem.js';

const day = z.iso.date();
const amount = z.number().int().min(0);

export const criteriaSchema = z.strictObject({
  petitions: z.array(z.strictObject({ petitionId: externalKey, signedFrom: day.optional(), signedTo: day.optional() })).min(1).max(50).optional(),
  campaignCodes: z.array(z.string().min(1).max(100)).min(1).max(200).optional(),
  supporterKinds: z.array(z.enum(classifications)).min(1).optional(),
  consent: z.strictObject({ channel: z.enum(consentChannels), topic: z.string().min(1).max(40).optional() }).optional(),
  lastDonation: z.union([z.strictObject({ none: z.literal(true) }), z.strictObject({ from: day.optional(), to: day.optional(), minAmountOre: amount.optional(), maxAmountOre: amount.optional() })]).optional(),
  dunningGroups: z.array(z.enum(dunningGroups)).min(1).optional(),
  postcodes: z.array(z.string().regex(/^\d{4}$/, 'a Danish postcode, four digits')).min(1).max(1_000).optional(),
  municipalities: z.array(z.string().min(1).max(100)).min(1).max(98).optional(),
  telemarketing: z
    .strictObject({ notReachedIn: externalKey.optional(), notHandedOverWithinMonths: z.number().int().min(1).max(120).optional() })
    .refine((telemarketing) => Object.keys(telemarketing).length > 0, 'give notReachedIn, notHandedOverWithinMonths or both')
    .optional(),
});

export const definitionBody = z.strictObject({ name: z.string().min(1).max(200), description: z.string().max(2_000).optional(), criteria: criteriaSchema });
export const countBody = z.strictObject({ team: z.string().min(1).max(100).optional(), channel: z.enum(consentChannels), topic: z.string().min(1).max(40).optional() });

export type SegmentDefinitionRouteDeps = SaveSegmentPorts & EvaluationPorts;

/**
 * [CampaignAutomation1] /admin/segment-definitions: list, create (POST), read and change (PUT /{id})
 * named segments; POST /{id}/count {channel, topic?, team?} counts who the segment holds and who the
 * one filter leaves out, by reason (nobody is named: counts only).
 */
export function segmentDefinitionRoutes(deps: SegmentDefinitionRouteDeps): Hono {
  return new Hono()
    .get('/', async (c) => c.json({ definitions: await deps.segmentDefinitions.list() }))
    .post('/', async (c) => {
      const body = definitionBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await saveSegmentDefinition(body.data, actorReference(actorOf(c)), deps), 201);
    })
    .get('/:id', pathParams({ id: engineId }), async (c) => {
      const stored = await deps.segmentDefinitions.get(c.req.param('id'));
      if (!stored) throw new NotFoundError(`no segment definition ${c.req.param('id')}`);
      return c.json(stored.value);
    })
    .put('/:id', pathParams({ id: engineId }), async (c) => {
      const body = definitionBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await saveSegmentDefinition({ ...body.data, id: c.req.param('id') }, actorReference(actorOf(c)), deps));
    })
    .post('/:id/count', pathParams({ id: engineId }), async (c) => {
      const body = countBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const callersTeams = staffOf(c).teams;
      if (callersTeams.length === 0) return problem(c, 403, 'no_team', 'your sign-in names no team the engine knows (see /admin/team-limits), and a segment is always for a team');
      const stored = await deps.segmentDefinitions.get(c.req.param('id'));
      if (!stored) throw new NotFoundError(`no segment definition ${c.req.param('id')}`);
      const { team, channel, topic } = body.data;
      const purpose = { teams: team && callersTeams.includes(team) ? [team] : callersTeams, channel, ...(topic && { topic }) };
      let kept = 0;
      const excluded: Record<string, number> = {};
      for await (const page of evaluateSegment(stored.value.criteria, purpose, deps)) {
        kept += page.kept.length;
        for (const { reasons } of page.excluded) for (const reason of reasons) excluded[reason] = (excluded[reason] ?? 0) + 1;
      }
      return c.json({ kept, excluded });
    });
}
