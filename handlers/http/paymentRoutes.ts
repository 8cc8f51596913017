import { Hono } from 'hono';
import { z } from 'zod';
import { giftTotal } from '../../domain/bookkeeping/giftTotal.js';
import type { PaymentLedger } from '../../domain/bookkeeping/ports.js';
import { refundPayment } from '../../domain/bookkeeping/refundPayment.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { copenhagenDateOf } from '../../domain/shared/copenhagenDate.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest } from './problem.js';
import { engineId, pathParams } from './pathParams.js';
import { actorOf } from './access/staffOf.js';
import { actorReference } from '../../domain/shared/Actor.js';

export interface PaymentRouteDeps {
  ledger: PaymentLedger;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

export const refundBody = z.object({
  reason: z.string().min(1).max(500),
  /** Positive øre; the whole payment when absent. */
  amountOre: z.number().int().positive().optional(),
  /** The day the money went back (YYYY-MM-DD); today when absent. */
  date: z.iso.date().optional(),
});

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/**
 * [OnlineFundraising4][Refundering] GET /admin/payments/{id}: a payment in the ledger.
 * POST /admin/payments/{id}/refund: staff record a refund made outside OF, with the reason and who
 * did it; it is posted in the next run and counts in the tax total. GET
 * /admin/persons/{id}/gift-total?year=: the person's deductible gifts of the year, refunds subtracted.
 */
export function paymentRoutes(deps: PaymentRouteDeps): Hono {
  return new Hono()
    .get('/payments/:id', pathParams({ id: engineId }), async (c) => {
      const stored = await deps.ledger.get(c.req.param('id'));
      if (!stored) throw new NotFoundError(`no payment ${c.req.param('id')}`);
      return c.json(stored.value);
    })
    .post('/payments/:id/refund', pathParams({ id: engineId }), async (c) => {
      const body = refundBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const { reason, amountOre, date } = body.data;
      const refundedBy = actorReference(actorOf(c));
      const request = { paymentId: c.req.param('id'), date: date ?? copenhagenDateOf(deps.clock.now()), details: { via: 'staff' as const, reason, by: refundedBy }, ...(amountOre && { amountOre }) };
      const { refund } = await refundPayment(request, deps);
      deps.logger.info('payment refunded by staff', { paymentId: request.paymentId, refundId: refund.id, by: actorOf(c).id });
      return c.json(refund, 201);
    })
    .get('/persons/:id/gift-total', pathParams({ id: engineId }), async (c) => {
      const query = yearQuery.safeParse(c.req.query());
      if (!query.success) return invalidRequest(c, query.error, 'query');
      return c.json(await giftTotal(c.req.param('id'), query.data.year, deps));
    });
}
