import type { Handler } from 'hono';
import { contactChangeOf } from '../../adapters/dataverse/contactChangeOf.js';
import { contactMergeOf, malformedRecordIds, remoteExecutionContextSchema } from '../../adapters/dataverse/remoteExecutionContext.js';
import { acceptCrmContactChange } from '../../domain/person/acceptCrmContactChange.js';
import { hasDataverseWebhookKey } from '../../adapters/dataverse/webhookKey.js';
import { requestMerge } from '../../domain/identity/requestMerge.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import type { WorkQueue } from '../../domain/messaging/WorkItem.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { DomainError } from '../../domain/shared/errors.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest, problem } from './problem.js';

export interface DataverseWebhookDeps {
  key: string;
  mergeQueue: WorkQueue;
  crmChangeQueue: WorkQueue;
  persons: Pick<PersonRepository, 'get'>;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

/**
 * [OnlineFundraising12][OnlineFundraising13] POST /webhooks/dataverse: Dynamics reports an operation
 * (steps on Merge and Update of contacts). Check the key, read the RemoteExecutionContext, queue the
 * merge or the change, 202. Dynamics fails the staff member's system job on any answer but 2xx, so an
 * Update that changes no column the engine keeps in step is acknowledged (200, nothing queued), and
 * work the engine cannot take now (its queue is unavailable) is answered 503 for Dynamics to retry. A
 * message Dataverse cut down for its size (`x-ms-dynamics-msg-size-exceeded`) is queued to be read
 * from the contact itself.
 */
export function dataverseWebhook(deps: DataverseWebhookDeps): Handler {
  return async (c) => {
    if (!hasDataverseWebhookKey(deps.key, c.req.raw.headers, new URL(c.req.url))) {
      deps.logger.warn('webhook refused', { source: 'dataverse', reason: 'missing or wrong key' });
      return problem(c, 401, 'invalid_webhook_key', 'the webhook key is missing or wrong');
    }
    const parsed = remoteExecutionContextSchema.safeParse(parseJsonBody(await c.req.text()));
    if (!parsed.success) return invalidRequest(c, parsed.error);
    const malformed = malformedRecordIds(parsed.data);
    if (malformed.length > 0) return problem(c, 400, 'invalid_request', 'the operation names a record by something that is not a GUID', malformed);
    const context = parsed.data;
    const isContactUpdate = context.MessageName === 'Update' && context.PrimaryEntityName === 'contact';
    const merge = contactMergeOf(context);
    if (!isContactUpdate && !merge) {
      deps.logger.warn('Dataverse webhook for an operation the engine does not handle', { operation: context.MessageName, entity: context.PrimaryEntityName });
      return problem(c, 400, 'unsupported_operation', `the engine handles Merge and Update of contacts, not ${context.MessageName} of ${context.PrimaryEntityName}`);
    }
    // Over its size limit Dataverse leaves out the changed columns: the change is read from the contact.
    const cutDown = isContactUpdate && c.req.header('x-ms-dynamics-msg-size-exceeded') !== undefined && !context.InputParameters.some((parameter) => parameter.key === 'Target');
    const change = cutDown
      ? { personId: context.PrimaryEntityId.toLowerCase(), changedBy: (context.InitiatingUserId ?? context.UserId).toLowerCase(), changes: {}, readFromCrm: true }
      : isContactUpdate
        ? contactChangeOf(context)
        : undefined;
    if (isContactUpdate && !change) {
      deps.logger.info('webhook acknowledged: no column the engine keeps in step', { source: 'dataverse', operation: 'Update', personId: context.PrimaryEntityId.toLowerCase() });
      return c.json({ accepted: false, reason: 'the update changes no column the engine keeps in step' }, 200);
    }
    try {
      const { messageId } = change
        ? await acceptCrmContactChange(change, deps)
        : await requestMerge({ survivorPersonId: merge!.survivorId, mergedPersonId: merge!.mergedId, origin: 'crm', requestedBy: merge!.userId }, deps);
      deps.logger.info('webhook accepted', { source: 'dataverse', messageId, operation: context.MessageName });
      return c.json({ accepted: true, messageId }, 202);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      deps.logger.error('webhook could not be queued', { source: 'dataverse', operation: context.MessageName, error: (error as Error).message });
      c.header('Retry-After', '60');
      return problem(c, 503, 'unavailable', 'the engine cannot take the work now; Dataverse retries');
    }
  };
}
