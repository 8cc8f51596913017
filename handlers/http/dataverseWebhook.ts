import type { Handler } from 'hono';
import { contactChangeOf } from '../../adapters/dataverse/contactChangeOf.js';
import { contactMergeOf, remoteExecutionContextSchema } from '../../adapters/dataverse/remoteExecutionContext.js';
import { acceptCrmContactChange } from '../../domain/person/acceptCrmContactChange.js';
import { hasDataverseWebhookKey } from '../../adapters/dataverse/webhookKey.js';
import { requestMerge } from '../../domain/identity/requestMerge.js';
import type { WorkQueue } from '../../domain/messaging/WorkItem.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest, problem } from './problem.js';

export interface DataverseWebhookDeps {
  key: string;
  mergeQueue: WorkQueue;
  crmChangeQueue: WorkQueue;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

/**
 * [OnlineFundraising12][OnlineFundraising13] POST /webhooks/dataverse: Dynamics reports an operation
 * (steps on Merge and Update of contacts). Check the key, read the RemoteExecutionContext, queue the
 * merge or the change, 202. An Update that changes no master data the engine keeps is refused (400).
 */
export function dataverseWebhook(deps: DataverseWebhookDeps): Handler {
  return async (c) => {
    if (!hasDataverseWebhookKey(deps.key, c.req.raw.headers, new URL(c.req.url))) {
      deps.logger.warn('webhook refused', { source: 'dataverse', reason: 'missing or wrong key' });
      return problem(c, 401, 'invalid_webhook_key', 'the webhook key is missing or wrong');
    }
    const parsed = remoteExecutionContextSchema.safeParse(parseJsonBody(await c.req.text()));
    if (!parsed.success) return invalidRequest(c, parsed.error);
    const change = contactChangeOf(parsed.data);
    if (change) {
      const { messageId } = await acceptCrmContactChange(change, deps);
      deps.logger.info('webhook accepted', { source: 'dataverse', messageId, message: 'Update' });
      return c.json({ accepted: true, messageId }, 202);
    }
    const merge = contactMergeOf(parsed.data);
    if (!merge) {
      deps.logger.warn('Dataverse webhook for an operation the engine does not handle', { message: parsed.data.MessageName, entity: parsed.data.PrimaryEntityName });
      return problem(c, 400, 'unsupported_operation', `the engine handles Merge and Update of contacts, not ${parsed.data.MessageName} of ${parsed.data.PrimaryEntityName}`);
    }
    const { messageId } = await requestMerge({ survivorPersonId: merge.survivorId, mergedPersonId: merge.mergedId, origin: 'crm', requestedBy: merge.userId }, deps);
    deps.logger.info('webhook accepted', { source: 'dataverse', messageId, message: 'Merge' });
    return c.json({ accepted: true, messageId }, 202);
  };
}
