/**
 * [CARE-Dedupe] Progress of re-indexing every person after staff changed the duplicate rules: the
 * index holds keys made by the rules of `rulesVersion` once `finishedAt` is set.
 */
export interface IdentityReindex {
  id: typeof identityReindexId;
  /** `updatedAt` of the rule table being indexed for. */
  rulesVersion: string;
  startedAt: string;
  finishedAt?: string;
  /** Persons indexed so far in this pass. */
  indexed: number;
  /** Where the pass goes on from (the store's continuation token). */
  continuationToken?: string;
}

export const identityReindexId = 'identity-reindex';
