import { BlobServiceClient } from '@azure/storage-blob';
import { BlobDatasetStore, datasetsContainer } from '../../adapters/blob/BlobDatasetStore.js';
import type { LedgerPayment } from '../../domain/bookkeeping/LedgerPayment.js';
import type { DatasetDefinition, DatasetRow } from '../../domain/datasets/DatasetDefinition.js';
import { paymentsDataset, peopleDataset } from '../../domain/datasets/definitions.js';
import { type PeopleContext, personRow } from '../../domain/datasets/personRow.js';
import { paymentRow } from '../../domain/datasets/rows.js';
import { writePartitioned } from '../../domain/datasets/writePartitioned.js';
import type { Person } from '../../domain/person/Person.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite } from '../../local/standins/azurite.js';

const paymentCount = Number(process.env.BENCH_EXPORT_PAYMENTS ?? 1_000_000);
const peopleCount = Number(process.env.BENCH_EXPORT_PEOPLE ?? 200_000);
const pageSize = 5_000;

/**
 * [Rapportering1] The dataset export into Blob storage (Azurite): a million payments over twelve
 * months and 200,000 people over two years, handed over a page at a time in date order as the
 * store's queries do, mapped to rows, written as Parquet and CSV per month. Memory is sampled
 * throughout: it should follow one month, not the whole dataset.
 */
export async function datasetExport(): Promise<string[]> {
  // On disk, so the memory figures are the export's, not Azurite's copy of what it wrote.
  const location = await mkdtemp(join(tmpdir(), 'ms-bench-datasets-'));
  const azurite = await startAzurite({ host: '127.0.0.1', location });
  try {
    const store = new BlobDatasetStore(BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(datasetsContainer));
    const payments = await measure(paymentsDataset, mapped(paymentCount, paymentAt, paymentRow), store);
    const people = await measure(peopleDataset, mapped(peopleCount, personAt, (person) => personRow(person, noContext)), store);
    return [
      `dataset export     into Azurite, Parquet + CSV twin per month`,
      describe('payments', paymentCount, payments),
      describe('people', peopleCount, people),
    ];
  } finally {
    await azurite.close();
    await rm(location, { recursive: true, force: true });
  }
}

async function measure(dataset: DatasetDefinition, pages: AsyncIterable<DatasetRow[]>, store: BlobDatasetStore) {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  };
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  const outcome = await writePartitioned(dataset, pages, store, { replaceAll: true });
  const elapsedMs = performance.now() - started;
  clearInterval(sampler);
  sample();
  return { ...outcome, elapsedMs, peakRss, peakHeap };
}

function describe(name: string, rows: number, outcome: Awaited<ReturnType<typeof measure>>): string {
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  return [
    `  ${name.padEnd(16)} ${rows.toLocaleString('en')} rows in ${(outcome.elapsedMs / 1000).toFixed(1)} s: ${Math.round((rows / outcome.elapsedMs) * 1000).toLocaleString('en')} rows/s`,
    `                   ${outcome.partitions} partitions, Parquet ${mb(outcome.parquetBytes)} MB, CSV ${mb(outcome.csvBytes)} MB; peak heap ${mb(outcome.peakHeap)} MB, rss ${mb(outcome.peakRss)} MB`,
  ].join('\n');
}

async function* mapped<T>(count: number, make: (index: number) => T, toRow: (item: T) => DatasetRow): AsyncIterable<DatasetRow[]> {
  for (let first = 0; first < count; first += pageSize) {
    yield Array.from({ length: Math.min(pageSize, count - first) }, (_, offset) => toRow(make(first + offset)));
  }
}

/** Payment `index` of `paymentCount`, spread evenly over 2026 in date order; every 40th a refund. */
function paymentAt(index: number): LedgerPayment {
  const dayOfYear = Math.floor((index / paymentCount) * 365);
  const date = new Date(Date.UTC(2026, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
  const refund = index % 40 === 39;
  return {
    id: `payment-${index}`,
    source: refund ? 'refund' : 'onlinefundraising',
    sourceReference: `of-${index}`,
    personId: `person-${index % peopleCount}`,
    agreementKind: index % 3 === 0 ? 'membership' : 'regular_support',
    amountOre: refund ? -15_000 : 5_000 + (index % 50) * 500,
    paymentDate: date,
    channel: index % 2 ? 'betalingsservice' : 'mobilepay',
    campaignCode: `DON_WEB_NRF_C${index % 200}`,
    ...(refund && { refundOf: `payment-${index - 1}` }),
    posting: { state: 'to_post' },
    recordedAt: `${date}T10:00:00.000Z`,
    updatedAt: `${date}T10:00:00.000Z`,
  };
}

const kinds = ['member', 'member_with_regular_support', 'regular_supporter', 'one_off_donor', 'none'] as const;
const noContext: PeopleContext = { signers: new Set(), joined: new Map(), consentLogs: new Map(), municipalityOfPostcode: new Map([['8000', 'Aarhus']]) };

/** Person `index` of `peopleCount`, first seen over 2025–2026 in order. */
function personAt(index: number): Person {
  const createdAt = new Date(Date.UTC(2025, 0, 1) + (index / peopleCount) * 730 * 86_400_000).toISOString();
  return {
    id: `person-${index}`,
    firstName: 'Bench',
    lastName: 'Person',
    emails: [`bench${index}@example.dk`],
    phones: {},
    rejectedPhones: [],
    address: { line1: 'Vej 1', postalCode: String(1000 + (index % 8000)), city: 'By', countryCode: 'DK' },
    supporterKind: kinds[index % kinds.length]!,
    createdAt,
    updatedAt: createdAt,
  };
}
