import type { Logger } from '../shared/Logger.js';
import { type MergePorts, mergePersons } from './mergePersons.js';
import type { PersonMergeRequest } from './requestMerge.js';

export interface MergeRequestPorts extends MergePorts {
  /** The CRM user the engine itself acts as: a CRM merge it made comes back through the webhook. */
  crmIdentity: { applicationUserId(): Promise<string> };
  logger: Logger;
}

/**
 * [OnlineFundraising13] Carries out a queued merge. A merge the CRM reports that the engine made
 * itself (its own Merge call, by its application user) is already done, and is dropped.
 */
export async function carryOutMergeRequest(request: PersonMergeRequest, ports: MergeRequestPorts): Promise<'merged' | 'own-write'> {
  if (request.origin === 'crm' && request.requestedBy.toLowerCase() === (await ports.crmIdentity.applicationUserId())) {
    ports.logger.info('CRM merge made by the engine itself; dropped', { survivorId: request.survivorPersonId, mergedId: request.mergedPersonId });
    return 'own-write';
  }
  await mergePersons(request.survivorPersonId, request.mergedPersonId, request.origin, ports);
  return 'merged';
}
