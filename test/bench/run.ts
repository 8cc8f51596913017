import { randomUUID } from 'node:crypto';
import { signWebhook } from '../../adapters/onlinefundraising/webhookSignature.js';
import { type LocalStack, localCredentials, startLocalStack } from '../../local/stack.js';
import { identityResolution } from './identityResolution.js';
import { paymentDay } from './paymentDay.js';
import { postingRun } from './postingRun.js';
import { dunningGroups } from './dunningGroups.js';
import { datasetExport } from './datasetExport.js';
import { staffAccess } from './staffAccess.js';
import { anonymisationSegment } from './anonymisation.js';
import { sending } from './sending.js';
import { taxReport } from './taxReport.js';

/**
 * `npm run bench`: the local stack's webhook ingest rate (accepted notifications per second, p50/p99
 * of the 202) and its end-to-end rate (contacts per second from notification to the Dataverse
 * simulator), a posting run's aggregation over a million payments, the daily dunning groups over a
 * million agreements, the dataset export, payment day, and identity resolution against a million
 * people. Figures, not assertions. `-- --payment-day-only`, `-- --identity-only`,
 * `-- --posting-only`, `-- --dunning-only`, `-- --export-only`, `-- --staff-only` (what sign-in and
 * the audit log cost per request) `-- --anonymisation-only` (a segment of 10,000 anonymised end to end) `-- --sending-only` (planning a send to 100,000, and the sender at a set rate) or `-- --tax-only` (the yearly gift totals of 200,000 donors) runs one part; `-- --large` gives
 * payment day 200,000 agreements.
 */
const ingestCount = Number(process.env.BENCH_INGEST ?? 2_000);
const endToEndCount = Number(process.env.BENCH_E2E ?? 500);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);

const only = ['--payment-day-only', '--identity-only', '--posting-only', '--dunning-only', '--export-only', '--staff-only', '--anonymisation-only', '--sending-only', '--tax-only'].find((flag) => process.argv.includes(flag));
if (!only) await ingestAndEndToEnd();
if (!only || only === '--posting-only') print(await postingRun());
if (!only || only === '--dunning-only') print(dunningGroups());
if (!only || only === '--export-only') print(await datasetExport());
if (!only || only === '--payment-day-only') print(await paymentDay());
if (!only || only === '--identity-only') print(await identityResolution());
if (!only || only === '--staff-only') print(await staffAccess());
if (!only || only === '--anonymisation-only') print(await anonymisationSegment());
if (!only || only === '--sending-only') print(await sending());
if (!only || only === '--tax-only') print(taxReport());

async function ingestAndEndToEnd() {
  const stack = await startLocalStack();
  try {
    const ingest = await measureIngest(stack, ingestCount);
    await waitForContacts(stack, ingest.contactIds);
    const endToEnd = await measureEndToEnd(stack, endToEndCount);
    print([
      `webhook ingest     ${ingestCount} notifications, ${concurrency} concurrent senders`,
      `  accepted/s       ${ingest.perSecond.toFixed(0)}`,
      `  202 latency      p50 ${ingest.p50.toFixed(1)} ms, p99 ${ingest.p99.toFixed(1)} ms`,
      `end to end         ${endToEndCount} contacts, OF notification → engine → Dataverse simulator`,
      `  contacts/s       ${endToEnd.perSecond.toFixed(0)}`,
      `  total            ${(endToEnd.elapsedMs / 1000).toFixed(2)} s`,
    ]);
  } finally {
    await stack.stop();
  }
}

async function measureIngest(stack: LocalStack, count: number) {
  const contactIds = seedContacts(stack, count);
  const latencies: number[] = [];
  const started = performance.now();
  await inParallel(contactIds, async (contactId) => {
    const sentAt = performance.now();
    const status = await postNotification(stack, contactId);
    latencies.push(performance.now() - sentAt);
    if (status !== 202) throw new Error(`engine answered ${status}`);
  });
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { contactIds, perSecond: (count / elapsedMs) * 1000, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

async function measureEndToEnd(stack: LocalStack, count: number) {
  const contactIds = seedContacts(stack, count);
  const started = performance.now();
  await inParallel(contactIds, (contactId) => postNotification(stack, contactId));
  await waitForContacts(stack, contactIds);
  const elapsedMs = performance.now() - started;
  return { elapsedMs, perSecond: (count / elapsedMs) * 1000 };
}

function seedContacts(stack: LocalStack, count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const id = randomUUID();
    stack.onlineFundraising.put('contact', id, {
      first_name: `Bench${index}`,
      last_name: 'Jensen',
      email: `bench${index}@example.dk`,
      phone: '22 33 44 55',
      contribution_code: 'BENCH',
    });
    return id;
  });
}

async function postNotification(stack: LocalStack, contactId: string): Promise<number> {
  const body = JSON.stringify({ notificationId: randomUUID(), entity: 'contact', entityId: contactId, event: 'created', occurredAt: new Date().toISOString() });
  const headers = { 'content-type': 'application/json', ...signWebhook(localCredentials.ofWebhookSecret, body, new Date()) };
  const response = await fetch(`${stack.engineUrl}/webhooks/onlinefundraising`, { method: 'POST', body, headers });
  await response.arrayBuffer();
  return response.status;
}

async function waitForContacts(stack: LocalStack, contactIds: string[]): Promise<void> {
  const wanted = new Set(contactIds);
  for (;;) {
    const present = stack.dataverse.rows('contacts').filter((row) => wanted.has(String(row.msengine_ofcontactid))).length;
    if (present === wanted.size) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

function print(lines: string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}
