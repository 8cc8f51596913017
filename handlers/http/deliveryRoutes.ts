import { Hono } from 'hono';
import { z } from 'zod';
import { type DeliveryPorts, alertSettings, recordDeliveryOutcomes } from '../../domain/delivery/recordDeliveryOutcomes.js';
import { replaceAlertSettings } from '../../domain/delivery/replaceAlertSettings.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest } from './problem.js';

export const outcomesBody = z.object({
  sendId: z.string().min(1).max(200),
  channel: z.enum(['email', 'phone']),
  outcomes: z.array(z.object({ personId: z.string().min(1), delivered: z.boolean() })).min(1).max(5_000),
});

export const settingsBody = z.object({
  failureShareThreshold: z.number().gt(0).lt(1),
  minimumDeliveries: z.number().int().min(1),
  recipients: z.array(z.email()).max(50),
});

/**
 * [OnlineFundraising12] POST /admin/delivery-outcomes: whatever sent a mailing or SMS batch reports
 * what bounced or failed; GET/PUT /admin/delivery-alert-settings: when staff are alerted, and who.
 */
export function deliveryRoutes(deps: DeliveryPorts): Hono {
  return new Hono()
    .post('/delivery-outcomes', async (c) => {
      const body = outcomesBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await recordDeliveryOutcomes(body.data, deps));
    })
    .get('/delivery-alert-settings', async (c) => c.json(await alertSettings(deps)))
    .put('/delivery-alert-settings', async (c) => {
      const body = settingsBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await replaceAlertSettings(body.data, deps));
    });
}
