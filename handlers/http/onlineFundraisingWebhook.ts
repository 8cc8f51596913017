import type { Handler } from 'hono';
import { verifyWebhook } from '../../adapters/onlinefundraising/webhookSignature.js';
import { acceptOnlineFundraisingNotification } from '../../domain/onlinefundraising/acceptOnlineFundraisingNotification.js';
import type { WorkQueue } from '../../domain/messaging/WorkItem.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { onlineFundraisingNotificationSchema } from '../queue/onlineFundraisingNotificationSchema.js';
import { invalidRequest, problem } from './problem.js';
import { parseJsonBody } from './parseJsonBody.js';

export interface WebhookDeps {
  secret: string;
  toleranceSeconds: number;
  inbox: WorkQueue;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

/** POST /webhooks/onlinefundraising: verify, validate, enqueue, answer 202. The work happens later. */
export function onlineFundraisingWebhook(deps: WebhookDeps): Handler {
  return async (c) => {
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const verdict = verifyWebhook({ secret: deps.secret, rawBody, headers: c.req.raw.headers, now: deps.clock.now(), toleranceSeconds: deps.toleranceSeconds });
    if (!verdict.ok) {
      deps.logger.warn('webhook refused', { source: 'onlinefundraising', reason: verdict.reason });
      return problem(c, 401, 'invalid_signature', `the webhook signature was refused: ${verdict.reason}`);
    }
    const parsed = onlineFundraisingNotificationSchema.safeParse(parseJsonBody(await c.req.text()));
    if (!parsed.success) {
      deps.logger.warn('webhook body invalid', { source: 'onlinefundraising', fields: parsed.error.issues.map((i) => i.path.join('.')).join(',') });
      return invalidRequest(c, parsed.error);
    }
    const { messageId } = await acceptOnlineFundraisingNotification(parsed.data, deps);
    deps.logger.info('webhook accepted', { source: 'onlinefundraising', messageId, notificationId: parsed.data.notificationId, entity: parsed.data.entity, entityId: parsed.data.entityId, event: parsed.data.event });
    return c.json({ accepted: true, messageId }, 202);
  };
}
