import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { type AnonymisationRuleStore, type AnonymisationRules, anonymisationRulesId } from './AnonymisationRules.js';

/** [CARE-Anon] Staff change the schedule's rules; the next nightly run uses them. */
export async function replaceAnonymisationRules(
  rules: Omit<AnonymisationRules, 'id' | 'updatedAt' | 'updatedBy'>,
  updatedBy: string,
  ports: { anonymisationRules: AnonymisationRuleStore; clock: Clock },
): Promise<AnonymisationRules> {
  const saved: AnonymisationRules = { ...rules, id: anonymisationRulesId, updatedAt: ports.clock.now().toISOString(), updatedBy };
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.anonymisationRules.get(anonymisationRulesId);
    if ((await ports.anonymisationRules.save(saved, stored?.etag)) === 'saved') return saved;
  }
  throw new ConcurrencyConflictError('the anonymisation rules changed concurrently 5 times in a row');
}
