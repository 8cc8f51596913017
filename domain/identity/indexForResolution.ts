import type { Person } from '../person/Person.js';
import { candidateOf } from './IdentityCandidate.js';
import { matchKeys } from './matchKeys.js';
import { currentMatchRules } from './matchRules.js';
import type { IdentityIndex, MatchRuleStore } from './ports.js';

/** [CARE-Dedupe] Keeps the resolver's index in step with a saved person; a merged-away person is not found any more. */
export async function indexForResolution(person: Person, ports: { matchRules: MatchRuleStore; identityIndex: IdentityIndex }): Promise<void> {
  const { rules } = await currentMatchRules(ports);
  const keys = person.mergedInto ? [] : rules.flatMap((rule) => matchKeys(rule, candidateOf(person)));
  await ports.identityIndex.indexPerson(person.id, keys);
}
