import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { CosmosIdentityIndex } from '../../adapters/cosmos/CosmosIdentityIndex.js';
import { CosmosNotDuplicateRegister } from '../../adapters/cosmos/CosmosNotDuplicateRegister.js';
import { CosmosPersonRepository } from '../../adapters/cosmos/CosmosPersonRepository.js';
import { CosmosVersionedStore } from '../../adapters/cosmos/CosmosVersionedStore.js';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { cosmosContainers, ensureCosmosContainers } from '../../adapters/cosmos/containers.js';
import { type IdentityCandidate, candidateOf } from '../../domain/identity/IdentityCandidate.js';
import { type MatchRuleTable, defaultMatchRules } from '../../domain/identity/MatchRule.js';
import { matchKeys } from '../../domain/identity/matchKeys.js';
import { type Resolution, type ResolvePorts, resolveIdentity } from '../../domain/identity/resolveIdentity.js';
import type { Person } from '../../domain/person/Person.js';
import { startCosmosProcess } from '../../local/standins/cosmosProcess.js';

/**
 * [CARE-Dedupe] Identity resolution against a store of N people (default 1,000,000): people resolved
 * per second through the engine's resolver and its Cosmos adapters (the stand-in, over HTTP), with
 * p50/p99. The naive way, finding a person by scanning for the email, is timed on a sample.
 */
const people = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const resolutions = Number(process.env.BENCH_RESOLUTIONS ?? 20_000);
const concurrency = 16;
const naiveSample = 3;
const seedChunk = 50_000;

const firstNames = ['Anna', 'Søren', 'Mette', 'Jens', 'Ida', 'Lars', 'Karen', 'Mads', 'Sofie', 'Peter', 'Freja', 'Ole', 'Emma', 'Niels', 'Laura', 'Henrik', 'Clara', 'Rasmus', 'Maja', 'Jørgen'];
const lastNames = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen'];
/** Postcodes the seeded people live in; new people in the run come from one outside them. */
const postcodes = Array.from({ length: 800 }, (_, i) => String(1_000 + i * 10));
const postcodeOfNobody = '9999';

type CandidateKind = 'same email' | 'same phone (SMS)' | 'new person' | 'same name and postcode';

export async function identityResolution(): Promise<string[]> {
  // A million people do not share a heap with the bench: the stand-in runs in a process of its own.
  const cosmos = await startCosmosProcess({ maxOldSpaceMb: 12_288 });
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'bench' });
  try {
    await ensureCosmosContainers(client, 'bench');
    const database = client.database('bench');
    const personsContainer = database.container(cosmosContainers.persons.id);
    const ports: ResolvePorts = {
      matchRules: new CosmosVersionedStore<MatchRuleTable>(database.container(cosmosContainers.engineState.id)),
      identityIndex: new CosmosIdentityIndex(database.container(cosmosContainers.identityIndex.id)),
      persons: new CosmosPersonRepository(personsContainer),
      notDuplicates: new CosmosNotDuplicateRegister(database.container(cosmosContainers.duplicateReviews.id)),
    };
    const seedStarted = performance.now();
    await seed(personsContainer, ports.identityIndex as CosmosIdentityIndex);
    const seedMs = performance.now() - seedStarted;
    const run = await resolveMany(ports);
    const naiveMs = await naiveScans(personsContainer);
    const outcomes = Object.entries(run.outcomes).map(([kind, counts]) => `${kind}: ${JSON.stringify(counts)}`).join('; ');
    return [
      `identity resolution  ${people} people in the store (seeded in ${(seedMs / 1000).toFixed(0)} s), ${resolutions} incoming people, ${concurrency} at once, default rules`,
      `  resolved/s       ${((resolutions / run.elapsedMs) * 1000).toFixed(0)}`,
      `  latency          p50 ${run.p50.toFixed(1)} ms, p95 ${run.p95.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms (point reads: rules, keys, persons found)`,
      `  naive scan       ${(naiveMs / 1000).toFixed(2)} s per lookup (one email, scanning all persons; ${naiveSample} samples)`,
      `  outcomes         ${outcomes}`,
    ];
  } finally {
    client.dispose();
    await cosmos.close();
  }
}

/** Persons written in bulk in chunks; the index loaded once at the end, so shared keys list everyone. */
async function seed(personsContainer: Container, index: CosmosIdentityIndex): Promise<void> {
  const persons = new CosmosPersonRepository(personsContainer);
  const entries: { personId: string; keys: string[] }[] = [];
  const started = performance.now();
  for (let start = 0; start < people; start += seedChunk) {
    const chunk = Array.from({ length: Math.min(seedChunk, people - start) }, (_, offset) => seededPerson(start + offset));
    await persons.upsertMany(chunk);
    for (const person of chunk) entries.push({ personId: person.id, keys: keysOf(candidateOf(person)) });
    progress(`${start + chunk.length} people stored`, started);
  }
  await index.loadFresh(entries);
  progress('identity index loaded', started);
}

function progress(what: string, started: number): void {
  process.stderr.write(`  … ${((performance.now() - started) / 1000).toFixed(0)} s: ${what}\n`);
}

function seededPerson(n: number): Person {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id: personId(n),
    firstName: firstNames[n % firstNames.length]!,
    lastName: lastNames[Math.floor(n / firstNames.length) % lastNames.length]!,
    emails: [`person${n}@example.dk`],
    phones: { primary: phoneOf(n) },
    rejectedPhones: [],
    address: { line1: `Vej ${n % 100}`, postalCode: postcodes[n % postcodes.length]!, city: 'By', countryCode: 'DK' },
    createdAt: at,
    updatedAt: at,
  };
}

/** Deterministic, so a candidate can name a seeded person without holding a million ids. */
const personId = (n: number) => `bench-person-${n}`;
const phoneOf = (n: number) => `+4526${String(n % 1_000_000).padStart(6, '0')}`;
const keysOf = (candidate: IdentityCandidate) => defaultMatchRules.flatMap((rule) => matchKeys(rule, candidate));

/** Incoming people as they arrive: most known by email or phone, many new, a few needing review. */
function candidate(i: number): { kind: CandidateKind; candidate: IdentityCandidate } {
  const known = Math.floor(Math.random() * people);
  const roll = i % 20;
  if (roll < 9) return { kind: 'same email', candidate: { firstName: 'Ny', lastName: 'Navn', emails: [`PERSON${known}@Example.dk`], phones: [] } };
  if (roll < 11) return { kind: 'same phone (SMS)', candidate: { emails: [], phones: [phoneOf(known)] } };
  if (roll < 19) {
    const fresh = randomUUID();
    return { kind: 'new person', candidate: { firstName: 'Ny', lastName: 'Person', emails: [`${fresh}@example.dk`], phones: [], postalCode: postcodeOfNobody } };
  }
  const seeded = seededPerson(known);
  return {
    kind: 'same name and postcode',
    candidate: { firstName: seeded.firstName, lastName: seeded.lastName, emails: [`${randomUUID()}@example.dk`], phones: [], postalCode: seeded.address!.postalCode },
  };
}

async function resolveMany(ports: ResolvePorts) {
  const latencies: number[] = [];
  const outcomes: Partial<Record<CandidateKind, Partial<Record<Resolution['outcome'], number>>>> = {};
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < resolutions) {
      const { kind, candidate: incoming } = candidate(next++);
      const sentAt = performance.now();
      const { outcome } = await resolveIdentity(incoming, ports);
      latencies.push(performance.now() - sentAt);
      const counts = (outcomes[kind] ??= {});
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { elapsedMs, outcomes, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99) };
}

/** What resolving would cost without the index: a query for the email over every person. */
async function naiveScans(personsContainer: Container): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < naiveSample; i++) {
    const email = `person${Math.floor(Math.random() * people)}@example.dk`;
    const query = { query: 'SELECT c.id FROM c WHERE ARRAY_CONTAINS(c.emails, @email)', parameters: [{ name: '@email', value: email }] };
    const { resources } = await personsContainer.items.query(query).fetchAll();
    if (resources.length !== 1) throw new Error(`the scan found ${resources.length} persons with ${email}`);
  }
  return (performance.now() - started) / naiveSample;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}
