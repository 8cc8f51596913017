import type { PersonRepository, Versioned } from '../person/ports.js';
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import { type IdentityReindex, identityReindexId } from './IdentityReindex.js';
import type { MatchRuleTable } from './MatchRule.js';
import { candidateOf } from './IdentityCandidate.js';
import { matchKeys } from './matchKeys.js';
import { currentMatchRules } from './matchRules.js';
import type { IdentityIndex, IdentityReindexStore, MatchRuleStore } from './ports.js';

export interface ReindexPorts {
  matchRules: MatchRuleStore;
  identityIndex: IdentityIndex;
  persons: Pick<PersonRepository, 'listAll'>;
  reindexState: IdentityReindexStore;
  clock: Clock;
  logger: Logger;
}

const pageSize = 200;

/**
 * [CARE-Dedupe] After staff change the duplicate rules, every person is indexed again under the new
 * rules' keys (and taken out of the keys the old rules made), a bounded number per run, carrying on
 * where the last run stopped. Rules changed again midway start a new pass. Until a pass finishes,
 * a person not yet re-indexed is found only by keys the old and new rules share; persons saved
 * meanwhile are indexed under the new rules at once. With the default rules nothing needs doing.
 */
export async function reindexPersons(ports: ReindexPorts, options: { maxPersons: number }): Promise<IdentityReindex | undefined> {
  const table = await currentMatchRules(ports);
  const stored = await ports.reindexState.get(identityReindexId);
  if (upToDate(table, stored?.value)) return stored?.value;
  let state = stored?.value.rulesVersion === table.updatedAt ? stored.value : freshPass(table, ports.clock);
  let etag = stored?.etag;
  let budget = options.maxPersons;
  while (budget > 0 && !state.finishedAt) {
    const page = await ports.persons.listAll({ pageSize: Math.min(pageSize, budget), ...(state.continuationToken && { continuationToken: state.continuationToken }) });
    for (const person of page.items) {
      await ports.identityIndex.indexPerson(person.id, person.mergedInto ? [] : table.rules.flatMap((rule) => matchKeys(rule, candidateOf(person))));
    }
    budget -= page.items.length;
    state = advanced(state, page.items.length, page.continuationToken, ports.clock);
    const saved = await saveProgress(state, etag, ports);
    if (!saved) return undefined;
    etag = saved.etag;
  }
  return state;
}

/** The index matches the rules: a pass for them finished, or the defaults were never changed. */
function upToDate(table: MatchRuleTable, state: IdentityReindex | undefined): boolean {
  if (!state) return Date.parse(table.updatedAt) === 0;
  return state.rulesVersion === table.updatedAt && state.finishedAt !== undefined;
}

function freshPass(table: MatchRuleTable, clock: Clock): IdentityReindex {
  return { id: identityReindexId, rulesVersion: table.updatedAt, startedAt: clock.now().toISOString(), indexed: 0 };
}

function advanced(state: IdentityReindex, count: number, continuationToken: string | undefined, clock: Clock): IdentityReindex {
  const { continuationToken: _previous, ...rest } = state;
  const indexed = state.indexed + count;
  return continuationToken ? { ...rest, indexed, continuationToken } : { ...rest, indexed, finishedAt: clock.now().toISOString() };
}

/** Another run saved progress meanwhile (two runs at once): this one stops and leaves the pass to it. */
async function saveProgress(state: IdentityReindex, etag: string | undefined, ports: ReindexPorts): Promise<Versioned<IdentityReindex> | undefined> {
  if ((await ports.reindexState.save(state, etag)) === 'stale') {
    ports.logger.warn('identity re-index: another run is at it; this one stops', { rulesVersion: state.rulesVersion });
    return undefined;
  }
  if (state.finishedAt) ports.logger.info('identity re-index finished', { rulesVersion: state.rulesVersion, indexed: state.indexed });
  return ports.reindexState.get(identityReindexId).then((saved) => saved ?? undefined);
}
