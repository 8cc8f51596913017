import { randomUUID } from 'node:crypto';
import { QueueClient } from '@azure/storage-queue';
import { DataverseClient } from '../../adapters/dataverse/DataverseClient.js';
import { projectMirrorRecord } from '../../adapters/dataverse/mirrorColumns.js';
import { signWebhook } from '../../adapters/onlinefundraising/webhookSignature.js';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import type { MirrorRecord } from '../../domain/mirror/MirrorRecord.js';
import { type LocalStack, localCredentials, startLocalStack } from '../../local/stack.js';

/**
 * Payment day: N agreements each get a pending payment, then a confirmed (3 % rejected) one, sent in
 * bursts, shuffled, with 5 % duplicates. Dataverse's service protection is scaled down so the run is
 * throttle-bound. Compares the projector with the naive way (one Dataverse request per event).
 */
const agreements = Number(process.env.BENCH_AGREEMENTS ?? (process.argv.includes('--large') ? 200_000 : 20_000));
const throttle = { maxRequests: Number(process.env.BENCH_THROTTLE_REQUESTS ?? 20), windowMs: Number(process.env.BENCH_THROTTLE_WINDOW_MS ?? 2_000) };
const senders = 32;

export async function paymentDay(): Promise<string[]> {
  const stack = await startLocalStack({ runTimers: false, dataversePacing: { windowMs: throttle.windowMs, reserve: 1, marginMs: 100, maxPauseMs: throttle.windowMs } });
  try {
    stack.dataverse.setThrottle(throttle);
    const ids = Array.from({ length: agreements }, () => randomUUID());
    for (const id of ids) stack.onlineFundraising.put('payment', id, { contact_id: `c-${id}`, amount: 10_000, status: 'pending', due_date: '2026-12-01' });
    const started = performance.now();
    const pendingEvents = await sendShuffled(stack, ids);
    await drainQueue(stack);
    ids.forEach((id, index) => stack.onlineFundraising.put('payment', id, { status: index % 33 === 0 ? 'rejected' : 'confirmed' }));
    const finalEvents = await sendShuffled(stack, ids);
    await drainQueue(stack);
    const beforeProjection = stack.dataverse.requests().length;
    const projectionStarted = performance.now();
    await drainProjector(stack);
    const projectionMs = performance.now() - projectionStarted;
    const elapsedMs = performance.now() - started;
    const projectorRequests = stack.dataverse.requests().length - beforeProjection;
    const events = pendingEvents + finalEvents;
    const minimumMs = (projectorRequests / throttle.maxRequests) * throttle.windowMs;
    const naive = await naiveWrites(stack, Math.min(events, 2 * throttle.maxRequests));
    const counts = await reconcile(stack, ids);
    return [
      `payment day        ${agreements} agreements, ${events} events (5 % duplicates, shuffled), throttle ${throttle.maxRequests} requests / ${throttle.windowMs} ms`,
      `  events/s         ${((events / elapsedMs) * 1000).toFixed(0)} (notification to CRM, ${(elapsedMs / 1000).toFixed(1)} s in all)`,
      `  Dataverse requests per event   projector ${(projectorRequests / events).toFixed(4)}   naive 1 (measured: ${naive.requestsPerEvent.toFixed(2)})`,
      `  fewer requests than naive      ${(events / projectorRequests).toFixed(1)}×`,
      `  CRM projection   ${(projectionMs / 1000).toFixed(1)} s for ${projectorRequests} requests; throttle-bound minimum ${(minimumMs / 1000).toFixed(1)} s (ratio ${(projectionMs / Math.max(1, minimumMs)).toFixed(2)})`,
      `  naive would need ${((events / throttle.maxRequests) * throttle.windowMs / 1000).toFixed(0)} s at the same limit (measured ${naive.msPerRequest.toFixed(0)} ms per request on ${naive.sample} requests)`,
      `  reconciliation   ${counts}`,
    ];
  } finally {
    await stack.stop();
  }
}

async function sendShuffled(stack: LocalStack, ids: string[]): Promise<number> {
  const events = [...ids, ...ids.filter((_, index) => index % 20 === 0)];
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  let next = 0;
  const send = async () => {
    while (next < events.length) {
      const body = JSON.stringify({ notificationId: randomUUID(), entity: 'payment', entityId: events[next++], event: 'updated', occurredAt: new Date().toISOString() });
      const status = await postWithRetry(`${stack.engineUrl}/webhooks/onlinefundraising`, body);
      if (status !== 202) throw new Error(`engine answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: senders }, send));
  return events.length;
}

/** Like OF, a sender tries again when the connection drops (a repeated notification is harmless). */
async function postWithRetry(url: string, body: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      const headers = { 'content-type': 'application/json', ...signWebhook(localCredentials.ofWebhookSecret, body, new Date()) };
      const response = await fetch(url, { method: 'POST', body, headers });
      await response.arrayBuffer();
      return response.status;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

async function drainQueue(stack: LocalStack): Promise<void> {
  const queue = new QueueClient(stack.azurite.connectionString, 'of-notifications');
  while (((await queue.getProperties()).approximateMessagesCount ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function drainProjector(stack: LocalStack): Promise<void> {
  const projector = stack.engine.timerFunctions.find((fn) => fn.name === 'crmProjector')!;
  const mirror = mirrorContainer(stack);
  for (;;) {
    await projector.handle();
    const { resources } = await mirror.items.query<number>('SELECT VALUE COUNT(1) FROM c WHERE c.crm.pending = true').fetchAll();
    if ((resources[0] ?? 0) === 0) return;
  }
}

/** The naive way, measured on a sample: one PATCH per event against the same throttle. */
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
  const requests = stack.dataverse.requests().filter((request) => request.path.includes('msengine_payments')).length;
  return { sample: resources.length, requestsPerEvent: (stack.dataverse.requests().length - before) / resources.length, msPerRequest: (performance.now() - started) / Math.max(1, requests) };
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

function mirrorContainer(stack: LocalStack) {
  return createCosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, database: 'ms-engine' }).database('ms-engine').container(cosmosContainers.mirror.id);
}
