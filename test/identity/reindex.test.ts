import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosIdentityIndex } from '../../adapters/cosmos/CosmosIdentityIndex.js';
import { CosmosNotDuplicateRegister } from '../../adapters/cosmos/CosmosNotDuplicateRegister.js';
import { CosmosPersonRepository } from '../../adapters/cosmos/CosmosPersonRepository.js';
import { CosmosVersionedStore } from '../../adapters/cosmos/CosmosVersionedStore.js';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import { systemClock } from '../../adapters/system/systemClock.js';
import type { IdentityCandidate } from '../../domain/identity/IdentityCandidate.js';
import type { IdentityReindex } from '../../domain/identity/IdentityReindex.js';
import { type MatchRule, type MatchRuleTable, defaultMatchRules } from '../../domain/identity/MatchRule.js';
import { matchKeys } from '../../domain/identity/matchKeys.js';
import { reindexPersons } from '../../domain/identity/reindexPersons.js';
import type { ReindexStatus } from '../../domain/identity/reindexStatus.js';
import { resolveIdentity } from '../../domain/identity/resolveIdentity.js';
import type { Person } from '../../domain/person/Person.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
let ports: ReturnType<typeof identityPorts>;

beforeAll(async () => {
  stack = await startTestStack();
  ports = identityPorts();
});
afterAll(() => stack.stop());

function identityPorts() {
  const database = createCosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, database: 'ms-engine' }).database('ms-engine');
  const engineState = database.container(cosmosContainers.engineState.id);
  return {
    matchRules: new CosmosVersionedStore<MatchRuleTable>(engineState),
    reindexState: new CosmosVersionedStore<IdentityReindex>(engineState),
    identityIndex: new CosmosIdentityIndex(database.container(cosmosContainers.identityIndex.id)),
    persons: new CosmosPersonRepository(database.container(cosmosContainers.persons.id)),
    notDuplicates: new CosmosNotDuplicateRegister(database.container(cosmosContainers.duplicateReviews.id)),
    clock: systemClock,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  };
}

const admin = async (method: string, path: string, body?: unknown) =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...(await adminHeaders(stack)) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const reindexStatus = async () => (await (await admin('GET', '/admin/match-rules/reindex')).json()) as ReindexStatus;
const runReindexTimer = () => stack.engine.timerFunctions.find((fn) => fn.name === 'identityReindex')!.handle();

async function signedUp(contactId: string, fields: Record<string, unknown>) {
  stack.onlineFundraising.put('contact', contactId, fields);
  await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: contactId, event: 'created' });
  await eventually(() => expect(stack.dataverse.row('contacts', personIdOf(contactId))).toBeDefined());
}

/** Staff's new rule: same surname and postcode is the same household member… and merges. */
const surnamePostcode: MatchRule = {
  id: 'surname-postcode',
  description: 'Same last name and postcode',
  fields: ['lastName', 'postalCode'],
  comparison: 'caseAndAccentInsensitive',
  onMatch: 'merge',
};
const nameRule = defaultMatchRules.find((rule) => rule.id === 'name-postcode')!;
const karin: IdentityCandidate = { firstName: 'Karin', lastName: 'Lund', emails: [], phones: [], postalCode: '5000' };

describe('[CARE-Dedupe] re-indexing after the duplicate rules change', () => {
  it('[CARE-Dedupe] persons saved before a rule change are found by the new rule once re-indexed, and no longer by the rule staff dropped', async () => {
    await signedUp('id-k1', { first_name: 'Karin', last_name: 'Lund', email: 'karin@example.dk', address: { street: 'Vej 1', postal_code: '5000', city: 'Odense C' } });
    await signedUp('id-k2', { first_name: 'Bo', last_name: 'Dahl', email: 'bo@example.dk', address: { street: 'Vej 2', postal_code: '6000', city: 'Kolding' } });
    expect((await reindexStatus()).status).toBe('done');
    expect((await resolveIdentity(karin, ports)).outcome).toBe('review');

    const rules = defaultMatchRules.filter((rule) => rule.id !== 'name-postcode').concat(surnamePostcode);
    expect((await admin('PUT', '/admin/match-rules', { rules })).status).toBe(200);
    expect((await reindexStatus()).status).toBe('waiting');
    expect((await resolveIdentity({ ...karin, firstName: 'Kirsten' }, ports)).outcome).toBe('new');

    await runReindexTimer();
    const done = await reindexStatus();
    expect(done).toMatchObject({ status: 'done', indexed: 2 });
    expect(await resolveIdentity({ ...karin, firstName: 'Kirsten' }, ports)).toEqual({ outcome: 'match', personId: personIdOf('id-k1'), ruleIds: ['surname-postcode'] });
    expect(await ports.identityIndex.lookup(matchKeys(nameRule, karin))).toEqual(new Map());

    await runReindexTimer();
    expect(await reindexStatus()).toEqual(done);
  });

  it('[CARE-Dedupe] a re-index goes on where the last run stopped; a merged-away person is taken out of the index', async () => {
    const at = stack.clock.now().toISOString();
    const person = (id: string, lastName: string, mergedInto?: string): Person => ({
      id, firstName: 'Eva', lastName, emails: [`${id}@example.dk`], phones: {}, rejectedPhones: [],
      address: { line1: 'Vej 3', postalCode: '7100', city: 'Vejle', countryCode: 'DK' }, createdAt: at, updatedAt: at, ...(mergedInto && { mergedInto }),
    });
    await ports.persons.create(person('resume-1', 'Berg'));
    await ports.persons.create(person('resume-2', 'Krog'));
    await ports.persons.create(person('resume-3', 'Krog', 'resume-2'));
    await ports.identityIndex.indexPerson('resume-3', matchKeys(surnamePostcode, { lastName: 'Krog', postalCode: '7100', emails: [], phones: [] }));
    const rules = [...defaultMatchRules.filter((rule) => rule.id !== 'name-postcode'), { ...surnamePostcode, onMatch: 'review' as const }];
    expect((await admin('PUT', '/admin/match-rules', { rules })).status).toBe(200);

    const runs: (IdentityReindex | undefined)[] = [];
    for (let run = 0; run < 10 && !runs.at(-1)?.finishedAt; run++) runs.push(await reindexPersons(ports, { maxPersons: 2 }));
    const total = (await ports.persons.listAll({ pageSize: 1_000 })).items.length;
    expect(runs.length).toBe(Math.ceil(total / 2));
    expect(runs.map((run) => run?.indexed)).toEqual(runs.map((_, index) => Math.min(total, 2 * (index + 1))));
    expect(new Set(runs.map((run) => run?.startedAt)).size).toBe(1);
    const found = await ports.identityIndex.lookup(matchKeys(surnamePostcode, { lastName: 'krog', postalCode: '7100', emails: [], phones: [] }));
    expect([...found.values()]).toEqual([['resume-2']]);
  });
});
