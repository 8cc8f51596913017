import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueClient } from '@azure/storage-queue';
import { DataverseClient } from '../../adapters/dataverse/DataverseClient.js';
import { projectMirrorRecord } from '../../adapters/dataverse/mirrorColumns.js';
import { signWebhook } from '../../adapters/onlinefundraising/webhookSignature.js';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import type { MirrorRecord } from '../../domain/mirror/MirrorRecord.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { type LocalStack, localCredentials, startLocalStack } from '../../local/stack.js';

/**
 * Payment day, as in production: N agreements each get a pending payment, then a confirmed (3 %
 * rejected) one. OF sends the notifications in shuffled bursts with 5 % duplicates while the CRM
 * projector runs on its 10-second timer. Dataverse's service protection is scaled down so that the
 * CRM, not the engine, is the bottleneck: total time is then compared with the least time the
 * projector's requests can take at that limit. The naive way (one Dataverse request per event) is
 * measured on a sample against the same limit.
 */
const agreements = Number(process.env.BENCH_AGREEMENTS ?? (process.argv.includes('--large') ? 200_000 : 20_000));
const throttle = { maxRequests: Number(process.env.BENCH_THROTTLE_REQUESTS ?? 5), windowMs: Number(process.env.BENCH_THROTTLE_WINDOW_MS ?? 10_000) };
/**
 * Notifications per burst. OF sends the next burst once the engine's queue is below a burst: the
 * local queue (Azurite) slows down with its length, Azure Storage does not.
 */
const burstSize = Number(process.env.BENCH_BURST ?? 250);
const senders = 32;
/**
 * The engine's pacing scaled with the limit: in production it keeps 20 of 6,000 requests (0.3 %)
 * for its other calls, which rounds to none of a handful; the margin stays 1 % of the window.
 */
const benchPacing = { windowMs: throttle.windowMs, reserve: 0, marginMs: throttle.windowMs / 100, maxPauseMs: throttle.windowMs };
const projectorTickMs = 10_000;

export async function paymentDay(): Promise<string[]> {
  // On disk, as under `npm start`: Azurite's in-memory store keeps one extent per message, and
  // deleting those one by one slows it down with the queue's history.
  const dataDir = await mkdtemp(join(tmpdir(), 'ms-engine-bench-'));
  const stack = await startLocalStack({ dataDir, runTimers: false, dataversePacing: benchPacing, logger: benchLogger });
  try {
    stack.dataverse.setThrottle(throttle);
    const ids = Array.from({ length: agreements }, () => randomUUID());
    for (const id of ids) stack.onlineFundraising.put('payment', id, { contact_id: `c-${id}`, amount: 10_000, status: 'pending', due_date: '2026-12-01' });
    const started = performance.now();
    const progress = setInterval(() => void printProgress(stack, started).catch((error: unknown) => process.stderr.write(`  … progress unavailable: ${String(error)}\n`)), 30_000);
    const projector = projectorOnItsTimer(stack);
    const pendingEvents = await sendInBursts(stack, ids);
    ids.forEach((id, index) => stack.onlineFundraising.put('payment', id, { status: index % 33 === 0 ? 'rejected' : 'confirmed' }));
    const finalEvents = await sendInBursts(stack, ids);
    await waitForEmptyQueue(stack);
    const processedMs = performance.now() - started;
    await projector.finish();
    const elapsedMs = performance.now() - started;
    clearInterval(progress);
    const events = pendingEvents + finalEvents;
    const api = stack.dataverse.requests().filter((request) => request.path.startsWith('/api/data/'));
    const accepted = api.filter((request) => request.status !== 429).length;
    const throttled = api.length - accepted;
    const minimumMs = (accepted / throttle.maxRequests) * throttle.windowMs;
    const naive = await naiveWrites(stack, 2 * throttle.maxRequests);
    const counts = await reconcile(stack, ids);
    return [
      `payment day        ${agreements} agreements, ${events} events in bursts of ${burstSize} (5 % duplicates, shuffled), Dataverse limit ${throttle.maxRequests} requests / ${throttle.windowMs / 1000} s`,
      `  events/s         ${perSecond(events, processedMs)} into the mirror (${(processedMs / 1000).toFixed(1)} s); ${perSecond(events, elapsedMs)} to the CRM`,
      `  Dataverse requests per event   projector ${(accepted / events).toFixed(4)} (${accepted} requests, ${throttled} answered 429)   naive ${naive.requestsPerEvent.toFixed(2)}`,
      `  fewer requests than naive      ${(events * naive.requestsPerEvent / Math.max(1, accepted)).toFixed(0)}×`,
      `  total time       ${(elapsedMs / 1000).toFixed(1)} s; throttle-bound minimum ${(minimumMs / 1000).toFixed(1)} s (${accepted} requests ÷ ${throttle.maxRequests} per ${throttle.windowMs / 1000} s); ratio ${(elapsedMs / Math.max(1, minimumMs)).toFixed(2)}`,
      `  naive would need ${((events * naive.requestsPerEvent / throttle.maxRequests) * throttle.windowMs / 3_600_000).toFixed(1)} h at the same limit (measured ${(naive.msPerRequest / 1000).toFixed(1)} s per request on ${naive.sample} requests)`,
      `  reconciliation   ${counts}`,
      `  sender retries   ${senderRetries.size === 0 ? 'none' : JSON.stringify(Object.fromEntries(senderRetries))}${engineErrors.length > 0 ? `; engine errors: ${engineErrors.join(' | ')}` : ''}`,
    ];
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The crmProjector timer: a tick every 10 seconds; a tick that runs long delays the next (singleton). */
function projectorOnItsTimer(stack: LocalStack) {
  const projector = stack.engine.timerFunctions.find((fn) => fn.name === 'crmProjector')!;
  const firstTick = performance.now();
  let finishing = false;
  const ticking = (async () => {
    for (;;) {
      await projector.handle();
      if (finishing && (await pendingInCrm(stack)) === 0) return;
      const sinceFirst = performance.now() - firstTick;
      await sleep(projectorTickMs - (sinceFirst % projectorTickMs));
    }
  })();
  return {
    /** Resolves once every mirrored change is in the CRM. */
    finish: () => {
      finishing = true;
      return ticking;
    },
  };
}

/** A line every 30 s on stderr, so a long run shows where it is. */
async function printProgress(stack: LocalStack, started: number): Promise<void> {
  const queue = new QueueClient(stack.azurite.connectionString, 'of-notifications');
  const queued = (await queue.getProperties()).approximateMessagesCount ?? 0;
  const written = stack.dataverse.rows('msengine_payments').length;
  const poisoned = (await new QueueClient(stack.azurite.connectionString, 'of-notifications-poison').getProperties()).approximateMessagesCount ?? 0;
  const errors = engineErrors.length > 0 ? `; first engine errors: ${engineErrors.join(' | ')}` : '';
  process.stderr.write(
    `  … ${((performance.now() - started) / 1000).toFixed(0)} s: ${queued} notifications queued (${poisoned} poisoned), ${await pendingInCrm(stack)} records pending for the CRM, ${written} payment rows in Dataverse${errors}\n`,
  );
}

async function pendingInCrm(stack: LocalStack): Promise<number> {
  const { resources } = await mirrorContainer(stack).items.query<number>('SELECT VALUE COUNT(1) FROM c WHERE c.crm.pending = true').fetchAll();
  return resources[0] ?? 0;
}

async function sendInBursts(stack: LocalStack, ids: string[]): Promise<number> {
  const events = shuffled([...ids, ...ids.filter((_, index) => index % 20 === 0)]);
  for (let start = 0; start < events.length; start += burstSize) {
    await waitForQueueBelow(stack, burstSize);
    await sendConcurrently(stack, events.slice(start, start + burstSize));
  }
  return events.length;
}

async function sendConcurrently(stack: LocalStack, burst: string[]): Promise<void> {
  let next = 0;
  const send = async () => {
    while (next < burst.length) {
      const body = JSON.stringify({ notificationId: randomUUID(), entity: 'payment', entityId: burst[next++], event: 'updated', occurredAt: new Date().toISOString() });
      const status = await postWithRetry(`${stack.engineUrl}/webhooks/onlinefundraising`, body);
      if (status !== 202) throw new Error(`engine answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: senders }, send));
}

function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Webhook answers that were not 202, by status, and the first few engine errors: printed, never hidden. */
const senderRetries = new Map<string, number>();
const engineErrors: string[] = [];
const benchLogger: Logger = {
  info: () => {},
  warn: (message, fields) => void (engineErrors.length < 5 && !message.startsWith('Waiting') && engineErrors.push(`warn: ${message} ${JSON.stringify(fields ?? {})}`)),
  error: (message, fields) => void (engineErrors.length < 5 && engineErrors.push(`${message} ${JSON.stringify(fields ?? {})}`)),
};

/** Like OF, a sender tries again when the connection drops or the engine answers 5xx (a repeated notification is harmless). */
async function postWithRetry(url: string, body: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const status = await post(url, body).catch((error: unknown) => (attempt >= 5 ? Promise.reject(error) : 'connection dropped'));
    if (typeof status === 'number' && (status < 500 || attempt >= 5)) return status;
    senderRetries.set(String(status), (senderRetries.get(String(status)) ?? 0) + 1);
    await sleep(100 * attempt);
  }
}

async function post(url: string, body: string): Promise<number> {
  const headers = { 'content-type': 'application/json', ...signWebhook(localCredentials.ofWebhookSecret, body, new Date()) };
  const response = await fetch(url, { method: 'POST', body, headers });
  await response.arrayBuffer();
  return response.status;
}

async function waitForQueueBelow(stack: LocalStack, count: number): Promise<void> {
  const queue = new QueueClient(stack.azurite.connectionString, 'of-notifications');
  while (((await queue.getProperties()).approximateMessagesCount ?? 0) >= count) await sleep(100);
}

const waitForEmptyQueue = (stack: LocalStack) => waitForQueueBelow(stack, 1);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The naive way, measured on a sample: one upsert per event against the same limit. */
async function naiveWrites(stack: LocalStack, sample: number) {
  const client = new DataverseClient({ orgUrl: stack.dataverse.url, authorityUrl: stack.dataverse.url, ...stack.dataverse.credentials });
  const { resources } = await mirrorContainer(stack).items.query<MirrorRecord>(`SELECT TOP ${sample} * FROM c`).fetchAll();
  const before = stack.dataverse.requests().length;
  const started = performance.now();
  for (const record of resources) {
    const { key, payload } = projectMirrorRecord(record);
    const [entitySet, id] = key.replace(')', '').split('(') as [string, string];
    await client.upsert(entitySet, id, payload);
  }
  const accepted = stack.dataverse.requests().slice(before).filter((request) => request.path.startsWith('/api/data/') && request.status !== 429).length;
  return { sample: resources.length, requestsPerEvent: accepted / resources.length, msPerRequest: (performance.now() - started) / Math.max(1, accepted) };
}

async function reconcile(stack: LocalStack, ids: string[]): Promise<string> {
  const inOf = countBy(ids.map((id) => stack.onlineFundraising.get('payment', id)!), (payment) => payment.status, (payment) => payment.amount);
  const { resources } = await mirrorContainer(stack).items.query<MirrorRecord>('SELECT * FROM c').fetchAll();
  const inCosmos = countBy(resources, (record) => (record.record as { status: string }).status, (record) => (record.record as { amountOre: number }).amountOre);
  const rows = stack.dataverse.rows('msengine_payments');
  const inDataverse = countBy(rows, (row) => String(row.msengine_status), (row) => Math.round(Number(row.msengine_amount) * 100));
  const same = JSON.stringify(inOf) === JSON.stringify(inCosmos) && JSON.stringify(inOf) === JSON.stringify(inDataverse);
  return `${same ? 'match' : 'MISMATCH'}: OF ${JSON.stringify(inOf)} · Cosmos ${JSON.stringify(inCosmos)} · Dataverse ${JSON.stringify(inDataverse)}`;
}

function countBy<T>(items: T[], key: (item: T) => string, amount: (item: T) => number): Record<string, { count: number; sumOre: number }> {
  const result: Record<string, { count: number; sumOre: number }> = {};
  for (const item of items) {
    const bucket = (result[key(item)] ??= { count: 0, sumOre: 0 });
    bucket.count++;
    bucket.sumOre += amount(item);
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}

function perSecond(count: number, ms: number): string {
  return ((count / ms) * 1000).toFixed(0);
}

function mirrorContainer(stack: LocalStack) {
  return createCosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, database: 'ms-engine' }).database('ms-engine').container(cosmosContainers.mirror.id);
}
