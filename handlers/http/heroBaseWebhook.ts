import type { Handler } from 'hono';
import { z } from 'zod';
import { verifyWebhook } from '../../adapters/onlinefundraising/webhookSignature.js';
import type { WorkQueue } from '../../domain/messaging/WorkItem.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { type DialerNotification, dialerNotificationKind } from '../../domain/telemarketing/DialerNotification.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest, problem } from './problem.js';

export interface HeroBaseWebhookDeps {
  secret: string;
  toleranceSeconds: number;
  inbox: WorkQueue;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

/** HeroBase's notification as assumed (see local/simulators/herobase/README.md). */
export const heroBaseNotificationSchema = z
  .object({
    id: z.string().min(1).max(100),
    type: z.enum(['lead.closed', 'task.created']),
    leadId: z.string().min(1).max(100).optional(),
    taskId: z.string().min(1).max(100).optional(),
    campaignId: z.string().max(100).optional(),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .refine((notification) => notification.type !== 'lead.closed' || notification.leadId !== undefined, { message: 'a lead.closed notification names its lead', path: ['leadId'] })
  .refine((notification) => notification.type !== 'task.created' || notification.taskId !== undefined, { message: 'a task.created notification names its task', path: ['taskId'] });

/**
 * [Dialer4][Dialer5] POST /webhooks/herobase: signed like the engine's other webhooks (HMAC with
 * HeroBase's own secret); verify, validate, enqueue on `dialer-notifications` (one message per
 * notification id, so HeroBase sending it twice records it once), answer 202.
 */
export function heroBaseWebhook(deps: HeroBaseWebhookDeps): Handler {
  return async (c) => {
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const verdict = verifyWebhook({ secret: deps.secret, rawBody, headers: c.req.raw.headers, now: deps.clock.now(), toleranceSeconds: deps.toleranceSeconds });
    if (!verdict.ok) {
      deps.logger.warn('webhook refused', { source: 'herobase', reason: verdict.reason });
      return problem(c, 401, 'invalid_signature', `the webhook signature was refused: ${verdict.reason}`);
    }
    const parsed = heroBaseNotificationSchema.safeParse(parseJsonBody(new TextDecoder().decode(rawBody)));
    if (!parsed.success) {
      deps.logger.warn('webhook body invalid', { source: 'herobase', fields: parsed.error.issues.map((issue) => issue.path.join('.')).join(',') });
      return invalidRequest(c, parsed.error);
    }
    const { id, type, leadId, taskId, occurredAt } = parsed.data;
    const notification: DialerNotification = { id, type, ...(leadId && { dialerLeadId: leadId }), ...(taskId && { taskId }), occurredAt };
    const messageId = deps.ids.fromKey(`herobase:${id}`);
    await deps.inbox.enqueue({ messageId, kind: dialerNotificationKind, body: notification, enqueuedAt: deps.clock.now().toISOString() });
    deps.logger.info('webhook accepted', { source: 'herobase', messageId, type });
    return c.json({ accepted: true, messageId }, 202);
  };
}
