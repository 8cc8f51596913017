import { CosmosClient } from '@azure/cosmos';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import { CosmosVersionedStore } from '../../adapters/cosmos/CosmosVersionedStore.js';
import { uuidIds } from '../../adapters/system/UuidIds.js';
import type { ConsentEntry } from '../../domain/consent/ConsentEntry.js';
import type { Person } from '../../domain/person/Person.js';
import type { SegmentFactRows, SegmentSources } from '../../domain/segments/ports.js';
import type { OutboundMessage } from '../../domain/sending/OutboundMessage.js';
import { planSendJob } from '../../domain/sending/planSendJob.js';
import type { Send } from '../../domain/sending/Send.js';
import { loadConfig } from '../../handlers/config.js';
import { type LocalStack, startLocalStack } from '../../local/stack.js';
import { adminHeaders } from '../support/testStack.js';

const planSizes = (process.env.BENCH_PLAN_SIZES ?? '25000,50000,100000').split(',').map(Number);
const loopMessages = Number(process.env.BENCH_SEND_MESSAGES ?? 300);
const loopRatePerMinute = Number(process.env.BENCH_SEND_RATE ?? 600);

/**
 * [CampaignAutomation10] Two figures. Planning: a send to a segment of 25,000, 50,000 and 100,000
 * recipients through the engine's planner (segment evaluation a page at a time, the one filter,
 * one message per person), over sources that make each page when asked, so what is measured is the
 * engine's own time and memory, not a store holding everyone; the memory peak must not grow with the
 * segment. Sending: the sender on the local stack against the OF and ACS simulators at a configured
 * rate: messages per second achieved against the rate set, and requests per message to OF, ACS and
 * Cosmos.
 */
export async function sending(): Promise<string[]> {
  const lines = ['sending            planning a send from a segment (pages made on demand), then the sender against the simulators'];
  for (const size of planSizes) lines.push(await planning(size));
  lines.push(...(await sendingLoop()));
  return lines;
}

/** Two runs per size: one timed as it runs in Azure, one collecting the garbage after every page to see what each page leaves behind. */
async function planning(recipients: number): Promise<string> {
  const timed = await planOnce(recipients, false);
  const measured = await planOnce(recipients, true);
  return `  plan ${recipients.toLocaleString('en').padStart(7)}     ${timed.seconds.toFixed(2)} s (${Math.round(recipients / timed.seconds).toLocaleString('en')} recipients/s), ${timed.planned.toLocaleString('en')} planned, ${timed.pages} pages: per page ${timed.perPage}; live heap after a page at most +${measured.liveMb.toFixed(1)} MB`;
}

async function planOnce(recipients: number, collectPerPage: boolean): Promise<{ seconds: number; planned: number; pages: number; perPage: string; liveMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let livePeak = base;
  const afterPage = () => {
    if (!collectPerPage) return;
    global.gc?.();
    livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
  };
  const counted = { created: 0, factQueries: 0, stopListQueries: 0, createCalls: 0 };
  const sends = new Map<string, Send>();
  const send: Send = { id: 'bench-send', name: 'bench', channel: 'sms', templateId: 't', team: 'fundraising', audience: { kind: 'segment', segmentId: 'seg' }, scheduledAt: new Date().toISOString(), status: 'planning', createdAt: '', createdBy: 'bench', updatedAt: '' };
  sends.set(send.id, send);
  const job = planSendJob({
    sends: { get: async (id) => (sends.has(id) ? { value: sends.get(id)!, etag: 'e' } : null), save: async (value) => (sends.set(value.id, value), 'saved'), due: async () => [], recent: async () => [] },
    messages: {
      createMany: async (messages: OutboundMessage[]) => {
        counted.createCalls++;
        counted.created += messages.length;
        return { created: messages.length, existing: 0 };
      },
      countByStatus: async () => ({ planned: counted.created, sending: 0, sent: 0, skipped: 0 }),
    } as never,
    segmentDefinitions: { get: async () => ({ value: { id: 'seg', name: 'bench', criteria: { petitions: [{ petitionId: 'skov' }], consent: { channel: 'sms' } }, createdAt: '', updatedAt: '', updatedBy: '' }, etag: 'e' }), save: async () => 'saved', list: async () => [] },
    sendingSettings: { get: async () => null, save: async () => 'saved' },
    segmentSources: syntheticSegment(recipients, counted),
    stopList: { findByContact: async () => (counted.stopListQueries++, []) } as never,
    consentLog: { entriesOf: async () => [], append: async () => 'appended' },
    teamLimits: { get: async () => null, save: async () => 'saved' },
    persons: { get: async () => null },
    taxMails: { personIds: async function* () {} },
    ids: uuidIds,
    clock: { now: () => new Date() },
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  });
  const started = performance.now();
  await job.run({ run: { id: 'r', job: 'plan-send', forDate: '', trigger: 'staff', status: 'running', queuedAt: '', attempts: 1, parameters: { sendId: send.id } }, progress: async () => void afterPage() });
  const seconds = (performance.now() - started) / 1000;
  const pages = counted.createCalls;
  const perPage = `${(counted.factQueries / pages).toFixed(0)} fact read, ${(counted.stopListQueries / pages).toFixed(0)} stop-list lookups, 1 bulk create`;
  return { seconds, planned: sends.get(send.id)!.plan!.recipients, pages, perPage, liveMb: (livePeak - base) / 1e6 };
}

/** Persons made a page at a time: all signed the petition and hold SMS consent; every 50th has no consent (the filter counts it). */
function syntheticSegment(size: number, counted: { factQueries: number }): SegmentSources {
  return {
    async *persons(pageSize) {
      for (let start = 0; start < size; start += pageSize) {
        yield Array.from({ length: Math.min(pageSize, size - start) }, (_, offset) => syntheticPerson(start + offset));
      }
    },
    async factsOf(personIds): Promise<SegmentFactRows> {
      counted.factQueries++;
      return {
        signatures: personIds.map((personId) => ({ personId, petitionId: 'skov', signedAt: '2026-10-01T10:00:00Z' })),
        donations: [],
        dunningGroups: [],
        consentEntries: personIds.filter((_, index) => index % 50 !== 0).map((personId) => consentOf(personId)),
        leads: [],
        activeCallCampaigns: [],
      };
    },
    municipalities: async () => new Map(),
    petitionExists: async () => true,
  };
}

function syntheticPerson(index: number): Person {
  const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
  return { id, firstName: `Navn${index}`, lastName: 'Bench', emails: [`p${index}@example.dk`], phones: { primary: `+45${String(20_000_000 + index)}` }, rejectedPhones: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
}

function consentOf(personId: string): ConsentEntry {
  return { id: `consent-${personId}`, personId, channel: 'sms', topic: 'all', action: 'granted', at: '2026-01-01T00:00:00Z', recordedAt: '2026-01-01T00:00:00Z', source: { kind: 'onlinefundraising-signup' } } as ConsentEntry;
}

async function sendingLoop(): Promise<string[]> {
  const stack = await startLocalStack({ runTimers: false });
  const client = new CosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, connectionPolicy: { enableEndpointDiscovery: false } });
  try {
    const database = client.database(loadConfig(stack.environment).cosmos.database);
    await seedPersons(database, loopMessages);
    const call = async (method: string, path: string, body?: unknown) =>
      (await fetch(`${stack.engineUrl}${path}`, { method, headers: { ...(await adminHeaders(stack, 'Administrator')), 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) })).json() as Promise<Record<string, unknown>>;
    await call('PUT', '/admin/sending/settings', { rates: { email: { perMinute: loopRatePerMinute }, sms: { perMinute: loopRatePerMinute } }, caps: [], smsQuietHours: { from: '00:00', until: '00:00' }, mailSenders: {} });
    const segment = await call('POST', '/admin/segment-definitions', { name: 'bench', criteria: { campaignCodes: ['BENCH'] } });
    const lines: string[] = [];
    for (const channel of ['sms', 'email'] as const) {
      const template = await call('POST', '/admin/message-templates', channel === 'sms' ? { name: 'bench sms', team: 'fundraising', channel, sms: { sender: 'MS', text: 'Hej {{ first_name }}' } } : { name: 'bench mail', team: 'fundraising', channel, email: { layout: 'letter', subject: 'Hej {{ first_name }}', blocks: [{ kind: 'paragraph', text: 'Tak.' }] } });
      lines.push(await measureSend(stack, call, channel, template.id as string, segment.id as string));
    }
    return lines;
  } finally {
    client.dispose();
    await stack.stop();
  }
}

async function measureSend(stack: LocalStack, call: (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>, channel: 'sms' | 'email', templateId: string, segmentId: string): Promise<string> {
  const send = await call('POST', '/admin/sends', { name: `bench ${channel}`, templateId, audience: { kind: 'segment', segmentId }, team: 'fundraising' });
  for (;;) {
    const { send: current } = (await call('GET', `/admin/sends/${send.id as string}`)) as { send: { status: string } };
    if (current.status === 'planned') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const sender = stack.engine.timerFunctions.find((timer) => timer.name === 'messageSender')!;
  const before = { cosmos: stack.cosmos.requestCounts(), of: stack.onlineFundraising.requests().length, acs: stack.email.requests().length };
  const started = performance.now();
  let sent = 0;
  while (sent < loopMessages) {
    await sender.handle();
    sent = ((await call('GET', `/admin/sends/${send.id as string}`)) as { messages: { sent: number } }).messages.sent;
  }
  const seconds = (performance.now() - started) / 1000;
  const after = { cosmos: stack.cosmos.requestCounts(), of: stack.onlineFundraising.requests().length, acs: stack.email.requests().length };
  const per = (value: number) => (value / loopMessages).toFixed(1);
  const achieved = (loopMessages / seconds) * 60;
  return `  send ${channel.padEnd(5)}         ${loopMessages} messages at ${loopRatePerMinute}/min set: ${achieved.toFixed(0)}/min achieved (${((achieved / loopRatePerMinute) * 100).toFixed(0)} %), ${seconds.toFixed(1)} s; per message ${per(after.of - before.of)} OF, ${per(after.acs - before.acs)} ACS, Cosmos ${per(after.cosmos.reads - before.cosmos.reads)} reads + ${per(after.cosmos.queries - before.cosmos.queries)} queries + ${per(after.cosmos.writes - before.cosmos.writes)} writes`;
}

async function seedPersons(database: ReturnType<CosmosClient['database']>, count: number): Promise<void> {
  const persons: Person[] = Array.from({ length: count }, (_, index) => ({ ...syntheticPerson(index), id: uuidIds.fromKey(`bench-send-person-${index}`), campaignCode: 'BENCH' }));
  await new CosmosVersionedStore<Person>(database.container(cosmosContainers.persons.id)).upsertMany(persons);
  const consents = persons.flatMap((person) => [
    { ...consentOf(person.id), id: `sms-${person.id}` },
    { ...consentOf(person.id), id: `email-${person.id}`, channel: 'email' as const },
  ]);
  await new CosmosVersionedStore<ConsentEntry>(database.container(cosmosContainers.consentLog.id)).upsertMany(consents, (entry) => entry.personId);
}


