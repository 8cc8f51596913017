import type { IdentityReindex } from './IdentityReindex.js';
import { identityReindexId } from './IdentityReindex.js';
import { currentMatchRules } from './matchRules.js';
import type { IdentityReindexStore, MatchRuleStore } from './ports.js';

export interface ReindexStatus {
  /** `done`: the index holds the current rules' keys; `waiting`: the next run starts the pass. */
  status: 'done' | 'running' | 'waiting';
  rulesVersion: string;
  indexed: number;
  startedAt?: string;
  finishedAt?: string;
}

/** [CARE-Dedupe] Whether the identity index has caught up with the duplicate rules staff saved last. */
export async function reindexStatus(ports: { matchRules: MatchRuleStore; reindexState: IdentityReindexStore }): Promise<ReindexStatus> {
  const table = await currentMatchRules(ports);
  const state: IdentityReindex | undefined = (await ports.reindexState.get(identityReindexId))?.value;
  if (!state || state.rulesVersion !== table.updatedAt) {
    return { status: !state && Date.parse(table.updatedAt) === 0 ? 'done' : 'waiting', rulesVersion: table.updatedAt, indexed: 0 };
  }
  return {
    status: state.finishedAt ? 'done' : 'running',
    rulesVersion: state.rulesVersion,
    indexed: state.indexed,
    startedAt: state.startedAt,
    ...(state.finishedAt && { finishedAt: state.finishedAt }),
  };
}
