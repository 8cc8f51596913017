import type { Container } from '@azure/cosmos';
import { CosmosClient } from '@azure/cosmos';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import { CosmosVersionedStore } from '../../adapters/cosmos/CosmosVersionedStore.js';
import { DataverseClient } from '../../adapters/dataverse/DataverseClient.js';
import type { LedgerPayment } from '../../domain/bookkeeping/LedgerPayment.js';
import type { ConsentEntry } from '../../domain/consent/ConsentEntry.js';
import type { Person } from '../../domain/person/Person.js';
import { forEachConcurrently } from '../../domain/shared/forEachConcurrently.js';
import type { Signature } from '../../domain/signatures/Signature.js';
import { QueueServiceClient } from '@azure/storage-queue';
import { loadConfig } from '../../handlers/config.js';
import { uuidIds } from '../../adapters/system/UuidIds.js';
import { personIdForOnlineFundraisingContact } from '../../domain/person/personFromOnlineFundraisingContact.js';
import { queueNames } from '../../handlers/queue/queueNames.js';
import { type LocalStack, startLocalStack } from '../../local/stack.js';

const segmentSize = Number(process.env.BENCH_ANON_SEGMENT ?? 10_000);
/** Round two adds this many active persons per segment person before a second segment of the same size. */
const bystandersPerSegmentPerson = Number(process.env.BENCH_ANON_BYSTANDERS ?? 1);
const criteria = { noEngagementSince: '2020-01-01' };
/** Dataverse's service protection per user: 6,000 requests in 5 minutes. */
const dataverseLimit = { maxRequests: 6_000, windowMs: 300_000 };

/**
 * [GDPR1] Anonymising a segment end to end on the local stack: the dry run, the confirmation, the
 * job and the anonymisation queue, until every person is `anonymised` (OF and the Dataverse
 * simulator confirmed). Each person has a person record, two consent entries, three payments and a
 * signature, an OF contact and a CRM contact. Round one anonymises `segmentSize` persons in a database
 * of only them; round two adds `bystandersPerSegmentPerson` active persons for each and anonymises
 * another segment of the same size. Counted per person: requests to OF, to Dataverse, and to Cosmos by
 * kind. Dataverse's service protection is lifted for the run; the least time its real limit for
 * one user would take is printed beside the Dataverse figures. Those counts staying the same between rounds is what "the work per person does not grow with
 * the database" means; the time may grow locally, because the Cosmos stand-in scans a container for
 * each query where Azure Cosmos DB uses its index.
 */
const heading = `anonymisation      a segment of ${segmentSize.toLocaleString('en')} persons (2 consents, 3 payments, 1 signature, OF and CRM contact each), dry run → confirm → anonymised`;

export async function anonymisationSegment(): Promise<string[]> {
  const stack = await startLocalStack({ runTimers: false });
  // Unthrottled, to measure the engine; the bound Dataverse's real limit puts on it is printed beside.
  stack.dataverse.setThrottle({ maxRequests: Number.MAX_SAFE_INTEGER, windowMs: dataverseLimit.windowMs });
  const client = new CosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, connectionPolicy: { enableEndpointDiscovery: false } });
  try {
    const database = client.database(loadConfig(stack.environment).cosmos.database);
    await seed(stack, database.container.bind(database), 'first', segmentSize, '2018-01-01');
    const first = await anonymise(stack, database.container(cosmosContainers.persons.id), segmentSize, 0);
    // Printed as soon as known: round two takes as long again.
    console.log([heading, describe(`round 1 (${segmentSize.toLocaleString('en')} persons held)`, first)].join('\n'));
    await seed(stack, database.container.bind(database), 'active', segmentSize * bystandersPerSegmentPerson, '2026-06-01');
    await seed(stack, database.container.bind(database), 'second', segmentSize, '2018-01-01');
    const second = await anonymise(stack, database.container(cosmosContainers.persons.id), segmentSize, segmentSize);
    return [
      describe(`round 2 (${(segmentSize * (2 + bystandersPerSegmentPerson)).toLocaleString('en')} held)`, second),
    ];
  } finally {
    client.dispose();
    await stack.stop();
  }
}

type Measured = Awaited<ReturnType<typeof anonymise>>;

function total(kinds: Map<string, number>): number {
  return [...kinds.values()].reduce((sum, count) => sum + count, 0);
}

/** Requests by method and resource (ids left out), e.g. "POST contacts/anonymize" or "PATCH contacts". */
function byKind(requests: { method: string; path: string; status: number }[]): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const { method, path, status } of requests) {
    const resource = path.replace(/^\/api\/(v1|data\/v9\.2)\//, '').replace(/\([^)]*\)/g, '').replace(/\/[^/]+(?=\/|$)/g, (segment) => (/^\/[a-z_]+$/.test(segment) ? segment : ''));
    const kind = `${method} ${resource} (${status})`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return kinds;
}

function describe(round: string, measured: Measured): string {
  const per = (count: number) => (count / segmentSize).toFixed(2);
  const perKind = (kinds: Map<string, number>) => [...kinds].map(([kind, count]) => `${per(count)} ${kind}`).join(', ') || 'none';
  return [
    `  ${round.padEnd(30)} finding the segment: dry run ${(measured.dryRunMs / 1000).toFixed(1)} s, confirmation ${(measured.confirmMs / 1000).toFixed(1)} s (both read everyone)`,
    `    anonymising        ${(measured.anonymiseMs / 1000).toFixed(1)} s until all anonymised (OF and CRM confirmed), ${Math.round((segmentSize / measured.anonymiseMs) * 1000)} persons/s`,
    `    per person: OF ${perKind(measured.onlineFundraising)}`,
    `                Dataverse ${perKind(measured.dataverse)}; at Dataverse's sustained rate for one user (${dataverseLimit.maxRequests} per ${dataverseLimit.windowMs / 60_000} min) these need at least ${Math.round((total(measured.dataverse) / dataverseLimit.maxRequests) * (dataverseLimit.windowMs / 1000))} s`,
    `                Cosmos ${per(measured.cosmos.reads)} reads + ${per(measured.cosmos.queries)} queries + ${per(measured.cosmos.writes)} writes`,
  ].join('\n');
}

async function anonymise(stack: LocalStack, persons: Container, expected: number, anonymisedBefore: number) {
  const headers = { authorization: `Bearer ${await stack.signIn.tokenForColleague('Administrator')}`, 'content-type': 'application/json' };
  // The seeding's own writes reach the engine as CRM notifications; they are done before anything is counted.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await queuesIdle(stack);
  const dryRunStarted = performance.now();
  const dryRun = (await (await fetch(`${stack.engineUrl}/admin/anonymisation/segments/dry-run`, { method: 'POST', headers, body: JSON.stringify({ criteria }) })).json()) as { count: number };
  const dryRunMs = performance.now() - dryRunStarted;
  if (dryRun.count !== expected) throw new Error(`the dry run found ${dryRun.count}, not ${expected}`);
  const confirmStarted = performance.now();
  const confirm = await fetch(`${stack.engineUrl}/admin/anonymisation/segments`, { method: 'POST', headers, body: JSON.stringify({ criteria, expectedCount: expected, reason: 'no-longer-needed', requestedOn: '2026-11-25' }) });
  if (confirm.status !== 202) throw new Error(`the confirmation answered ${confirm.status}: ${await confirm.text()}`);
  const confirmMs = performance.now() - confirmStarted;
  const before = { cosmos: stack.cosmos.requestCounts(), onlineFundraising: stack.onlineFundraising.requests().length, dataverse: stack.dataverse.requests().length };
  const started = performance.now();
  const pollingQueries = await untilAnonymised(persons, anonymisedBefore + expected, stack);
  // OF's notifications of its own anonymisation come back to the engine (which takes nothing from them): counted too.
  await queuesIdle(stack);
  const anonymiseMs = performance.now() - started;
  const after = stack.cosmos.requestCounts();
  return {
    dryRunMs,
    confirmMs,
    anonymiseMs,
    onlineFundraising: byKind(stack.onlineFundraising.requests().slice(before.onlineFundraising)),
    dataverse: byKind(stack.dataverse.requests().slice(before.dataverse)),
    cosmos: { reads: after.reads - before.cosmos.reads, queries: after.queries - before.cosmos.queries - pollingQueries, writes: after.writes - before.cosmos.writes },
  };
}

/** Polls every two seconds until `total` persons are anonymised; answers how many Cosmos queries the polling itself made. */
async function untilAnonymised(persons: Container, total: number, stack: LocalStack): Promise<number> {
  let pollingQueries = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const before = stack.cosmos.requestCounts().queries;
    const { resources } = await persons.items.query<number>("SELECT VALUE COUNT(1) FROM c WHERE c.anonymisation.status = 'anonymised'").fetchAll();
    pollingQueries += stack.cosmos.requestCounts().queries - before;
    if ((resources[0] ?? 0) >= total) return pollingQueries;
  }
}

/** Waits until no engine queue holds a message (e.g. the CRM's notifications of the seeding's own writes). */
async function queuesIdle(stack: LocalStack): Promise<void> {
  const service = QueueServiceClient.fromConnectionString(stack.azurite.connectionString);
  for (;;) {
    const counts = await Promise.all(Object.values(queueNames).map(async (name) => (await service.getQueueClient(name).getProperties()).approximateMessagesCount ?? 0));
    if (counts.every((count) => count === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function seed(stack: LocalStack, container: (id: string) => Container, prefix: string, count: number, since: string): Promise<void> {
  const personStore = new CosmosVersionedStore<Person>(container(cosmosContainers.persons.id));
  const consentStore = new CosmosVersionedStore<ConsentEntry>(container(cosmosContainers.consentLog.id));
  const paymentStore = new CosmosVersionedStore<LedgerPayment>(container(cosmosContainers.payments.id));
  const signatureStore = new CosmosVersionedStore<Signature>(container(cosmosContainers.signatures.id));
  const people = Array.from({ length: count }, (_, index) => personAt(prefix, index, since));
  await personStore.upsertMany(people);
  await consentStore.upsertMany(people.flatMap(consentsOf), (entry) => entry.personId);
  await paymentStore.upsertMany(people.flatMap((person) => paymentsOf(person, since)));
  await signatureStore.upsertMany(people.map((person) => signatureOf(person, since)), (signature) => signature.petitionId);
  for (const person of people) {
    stack.onlineFundraising.put('contact', person.onlineFundraising!.contactId, { first_name: person.firstName, last_name: person.lastName, email: person.emails[0]! });
  }
  const dataverse = new DataverseClient(loadConfig(stack.environment).dataverse);
  await forEachConcurrently(people, 32, (person) => dataverse.upsert('contacts', person.id, { firstname: person.firstName, lastname: person.lastName, emailaddress1: person.emails[0] }));
}

function personAt(prefix: string, index: number, since: string): Person {
  const createdAt = `${since}T10:00:00.000Z`;
  const contactId = `bench-${prefix}-${index}`;
  // The id the engine gives the person of an OF contact, so OF's notifications find them.
  const id = personIdForOnlineFundraisingContact(uuidIds, contactId);
  return {
    id,
    firstName: 'Bench',
    lastName: `${prefix} ${index}`,
    emails: [`${prefix}.${index}@example.dk`],
    phones: { primary: `+4520${String(index).padStart(6, '0')}` },
    rejectedPhones: [],
    onlineFundraising: { contactId, updatedAt: createdAt },
    createdAt,
    updatedAt: createdAt,
  };
}

function consentsOf(person: Person): ConsentEntry[] {
  return (['email', 'sms'] as const).map((channel) => ({
    id: `${person.id}-${channel}`,
    personId: person.id,
    at: person.createdAt,
    recordedAt: person.createdAt,
    channel,
    topic: 'all',
    action: 'granted',
    source: { kind: 'onlinefundraising-signup', id: person.onlineFundraising!.contactId },
  }));
}

function paymentsOf(person: Person, since: string): LedgerPayment[] {
  const year = Number(since.slice(0, 4));
  return [3, 6, 9].map((month) => {
    const paymentDate = `${year}-0${month}-01`;
    return {
      id: `${person.id}-p${month}`,
      source: 'onlinefundraising',
      sourceReference: `${person.id}-p${month}`,
      personId: person.id,
      agreementKind: 'regular_support',
      amountOre: 10_000,
      paymentDate,
      channel: 'betalingsservice',
      posting: { state: 'already_posted', reason: 'bench' },
      recordedAt: `${paymentDate}T10:00:00.000Z`,
      updatedAt: `${paymentDate}T10:00:00.000Z`,
    };
  });
}

function signatureOf(person: Person, since: string): Signature {
  return {
    id: `${person.id}-s`,
    petitionId: 'bench-petition',
    personId: person.id,
    signedAt: `${since}T12:00:00.000Z`,
    recordedAt: `${since}T12:00:00.000Z`,
    source: { kind: 'drupal-form', id: `bench:${person.id}` },
    emailOk: true,
    phoneOk: true,
    contactKeys: [`email-${person.id}`, `phone-${person.id}`],
    newLead: false,
  };
}
