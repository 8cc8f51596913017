import type { Handler } from 'hono';
import { verifyWebhook } from '../../adapters/onlinefundraising/webhookSignature.js';
import { acceptDrupalNotification } from '../../domain/forms/acceptDrupalNotification.js';
import type { DrupalFormStore } from '../../domain/forms/ports.js';
import type { WorkQueue } from '../../domain/messaging/WorkItem.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { drupalNotificationSchema } from '../queue/drupalNotificationSchema.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest, problem } from './problem.js';

export interface DrupalWebhookDeps {
  secret: string;
  toleranceSeconds: number;
  inbox: WorkQueue;
  drupalForms: DrupalFormStore;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

/**
 * [OnlineFundraising15] POST /webhooks/drupal: signed like OF's webhooks (HMAC with Drupal's own
 * secret); verify, validate (a form nobody configured is refused with 400 `unknown_form`), enqueue,
 * answer 202.
 */
export function drupalWebhook(deps: DrupalWebhookDeps): Handler {
  return async (c) => {
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const verdict = verifyWebhook({ secret: deps.secret, rawBody, headers: c.req.raw.headers, now: deps.clock.now(), toleranceSeconds: deps.toleranceSeconds });
    if (!verdict.ok) {
      deps.logger.warn('webhook refused', { source: 'drupal', reason: verdict.reason });
      return problem(c, 401, 'invalid_signature', `the webhook signature was refused: ${verdict.reason}`);
    }
    const parsed = drupalNotificationSchema.safeParse(parseJsonBody(await c.req.text()));
    if (!parsed.success) {
      deps.logger.warn('webhook body invalid', { source: 'drupal', fields: parsed.error.issues.map((issue) => issue.path.join('.')).join(',') });
      return invalidRequest(c, parsed.error);
    }
    const { messageId } = await acceptDrupalNotification(parsed.data, deps);
    deps.logger.info('webhook accepted', { source: 'drupal', messageId, formId: parsed.data.formId });
    return c.json({ accepted: true, messageId }, 202);
  };
}
