import { indexForResolution } from '../identity/indexForResolution.js';
import type { IdentityIndex, MatchRuleStore } from '../identity/ports.js';
import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError, DomainError, NotFoundError } from '../shared/errors.js';
import { type CprVault, sealCprNumber } from './CprVault.js';
import type { Person } from './Person.js';
import type { PersonRepository } from './ports.js';

/** [CampaignAutomation9] What staff typed is no CPR number: HTTP 400 naming the field, nothing stored. */
export class InvalidCprNumberError extends DomainError {
  readonly code = 'invalid_cpr';
  constructor(readonly problem: string) {
    super(`not a CPR number: ${problem}`);
  }
  get fields() {
    return [{ field: 'cpr', problem: this.problem }];
  }
}

export interface CprPorts {
  persons: PersonRepository;
  cprVault: CprVault;
  matchRules: MatchRuleStore;
  identityIndex: IdentityIndex;
  clock: Clock;
}

const maxAttempts = 5;

/**
 * [CampaignAutomation9] Member service enters a person's CPR number: checked, sealed, stored, and
 * indexed for the `cpr` match rule (so a later contact with the same number finds this person).
 */
export async function enterCprNumber(personId: string, typed: string, ports: CprPorts): Promise<Person> {
  const sealed = sealCprNumber(typed, ports.cprVault);
  if (!sealed.ok) throw new InvalidCprNumberError(sealed.problem);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.persons.get(personId);
    if (!stored) throw new NotFoundError(`no person ${personId}`);
    const updated: Person = { ...stored.value, cpr: sealed.sealed, updatedAt: ports.clock.now().toISOString() };
    if ((await ports.persons.replace(updated, stored.etag)) !== 'replaced') continue;
    await indexForResolution(updated, ports);
    return updated;
  }
  throw new ConcurrencyConflictError(`person ${personId} changed concurrently ${maxAttempts} times in a row`);
}

/** [CampaignAutomation9] The person's CPR number in clear, for the roles allowed to see it (the route is audited). */
export async function revealCprNumber(personId: string, ports: Pick<CprPorts, 'persons' | 'cprVault'>): Promise<string | undefined> {
  const stored = await ports.persons.get(personId);
  if (!stored) throw new NotFoundError(`no person ${personId}`);
  return stored.value.cpr && ports.cprVault.open(stored.value.cpr);
}
