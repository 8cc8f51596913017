import type { PersonRepository } from '../person/ports.js';
import type { IdentityCandidate } from './IdentityCandidate.js';
import type { MatchRule } from './MatchRule.js';
import { matchKeys, ruleIdOfKey } from './matchKeys.js';
import { currentMatchRules } from './matchRules.js';
import type { IdentityIndex, MatchRuleStore, NotDuplicateRegister } from './ports.js';
import { survivorOf } from './survivorOf.js';

export interface ResolvePorts {
  matchRules: MatchRuleStore;
  identityIndex: IdentityIndex;
  persons: Pick<PersonRepository, 'get'>;
  notDuplicates: NotDuplicateRegister;
}

/** Who the candidate is: nobody yet, exactly one person, or a question for a reviewer. */
export type Resolution =
  | { outcome: 'new' }
  | { outcome: 'match'; personId: string; ruleIds: string[] }
  | { outcome: 'review'; personIds: string[]; ruleIds: string[] };

/**
 * [CARE-Dedupe][OnlineFundraising8] The one resolver every incoming person goes through. Looks the
 * candidate's keys up under every rule, follows merged-away people to their survivor, and leaves
 * out `self` (the candidate's own person, when it has one) and pairs marked not-a-duplicate.
 * Exactly one person found by a merge rule (and none only by a review rule) is a match; more than
 * one person, or a hit by a review rule, goes to a reviewer.
 */
export async function resolveIdentity(candidate: IdentityCandidate, ports: ResolvePorts, self?: string): Promise<Resolution> {
  const { rules } = await currentMatchRules(ports);
  const hits = await personsHit(rules, candidate, ports);
  const found = await eligible(hits, ports, self);
  const onMatch = new Map(rules.map((rule) => [rule.id, rule.onMatch]));
  const byMerge = [...found].filter(([, ruleIds]) => [...ruleIds].some((ruleId) => onMatch.get(ruleId) === 'merge'));
  const ruleIds = [...new Set([...found.values()].flatMap((ids) => [...ids]))].sort();
  if (found.size === 0) return { outcome: 'new' };
  if (found.size === 1 && byMerge.length === 1) return { outcome: 'match', personId: byMerge[0]![0], ruleIds };
  return { outcome: 'review', personIds: [...found.keys()].sort(), ruleIds };
}

/** Every person indexed under one of the candidate's keys, with the rules that found them. */
async function personsHit(rules: MatchRule[], candidate: IdentityCandidate, ports: ResolvePorts): Promise<Map<string, Set<string>>> {
  const keys = rules.flatMap((rule) => matchKeys(rule, candidate));
  const indexed = keys.length > 0 ? await ports.identityIndex.lookup(keys) : new Map<string, string[]>();
  const hits = new Map<string, Set<string>>();
  for (const [key, personIds] of indexed) {
    for (const personId of personIds) (hits.get(personId) ?? hits.set(personId, new Set()).get(personId)!).add(ruleIdOfKey(key));
  }
  return hits;
}

/** Survivors instead of merged-away people; not the candidate itself; not a pair a reviewer kept apart. */
async function eligible(hits: Map<string, Set<string>>, ports: ResolvePorts, self: string | undefined): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  for (const [personId, ruleIds] of hits) {
    const survivor = await survivorOf(personId, ports);
    if (!survivor || survivor === self) continue;
    if (self && (await ports.notDuplicates.isMarked(self, survivor))) continue;
    found.set(survivor, new Set([...(found.get(survivor) ?? []), ...ruleIds]));
  }
  return found;
}
