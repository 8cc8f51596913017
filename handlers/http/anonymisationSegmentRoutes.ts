import { Hono } from 'hono';
import { z } from 'zod';
import { anonymisationReasons } from '../../domain/anonymisation/Anonymisation.js';
import { type ConfirmSegmentPorts, confirmSegment } from '../../domain/anonymisation/confirmSegment.js';
import { findSegment } from '../../domain/anonymisation/findSegment.js';
import { actorOf } from './access/staffOf.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest } from './problem.js';

const criteria = z.strictObject({ noEngagementSince: z.iso.date().optional(), noPaymentSince: z.iso.date().optional() });
export const dryRunBody = z.strictObject({ criteria });
export const confirmBody = z.strictObject({
  criteria,
  expectedCount: z.number().int().min(0),
  reason: z.enum(anonymisationReasons),
  note: z.string().trim().min(1).max(500).optional(),
  requestedOn: z.iso.date(),
});

/** Optional criteria fields are left out rather than set to undefined. */
function criteriaOf(body: z.infer<typeof criteria>) {
  return { ...(body.noEngagementSince && { noEngagementSince: body.noEngagementSince }), ...(body.noPaymentSince && { noPaymentSince: body.noPaymentSince }) };
}

/**
 * [GDPR1] POST /admin/anonymisation/segments/dry-run {criteria}: how many and who (person ids), changing
 * nothing. POST /admin/anonymisation/segments {criteria, expectedCount, reason, note?, requestedOn}:
 * anonymises them, if the segment still holds `expectedCount` persons (409 otherwise); 202 with the
 * job run to follow (GET /admin/jobs/runs/{id}).
 */
export function anonymisationSegmentRoutes(deps: ConfirmSegmentPorts): Hono {
  return new Hono()
    .post('/dry-run', async (c) => {
      const body = dryRunBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const personIds = await findSegment(criteriaOf(body.data.criteria), deps);
      c.set('auditedPersons', personIds);
      return c.json({ criteria: body.data.criteria, count: personIds.length, personIds });
    })
    .post('/', async (c) => {
      const body = confirmBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const { note, criteria: given, ...rest } = body.data;
      const { segment, run } = await confirmSegment({ ...rest, criteria: criteriaOf(given), ...(note && { note }) }, actorOf(c), deps);
      return c.json({ segmentId: segment.id, criteria: segment.criteria, count: segment.personIds.length, run }, 202);
    });
}
