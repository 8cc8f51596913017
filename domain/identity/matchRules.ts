import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { type MatchRule, type MatchRuleTable, defaultMatchRules, matchRulesId } from './MatchRule.js';
import type { MatchRuleStore } from './ports.js';

/** [CARE-Dedupe] The duplicate rules in force: staff's table, or the defaults until they save one. */
export async function currentMatchRules(ports: { matchRules: MatchRuleStore }): Promise<MatchRuleTable> {
  const stored = await ports.matchRules.get(matchRulesId);
  return stored?.value ?? { id: matchRulesId, rules: defaultMatchRules, updatedAt: new Date(0).toISOString() };
}

/** [CARE-Dedupe] Staff redefine the duplicate rules; the next person resolved uses them. */
export async function replaceMatchRules(rules: MatchRule[], ports: { matchRules: MatchRuleStore; clock: Clock }): Promise<MatchRuleTable> {
  const table: MatchRuleTable = { id: matchRulesId, rules, updatedAt: ports.clock.now().toISOString() };
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.matchRules.get(matchRulesId);
    if ((await ports.matchRules.save(table, stored?.etag)) === 'saved') return table;
  }
  throw new ConcurrencyConflictError('the duplicate rules changed concurrently 5 times in a row');
}
