import { dunningGroupsJobName } from '../dunning/dunningGroupsJob.js';
import type { SegmentMembers } from '../dunning/ports.js';
import { dunningGroups } from '../dunning/SegmentMember.js';
import type { Job, JobContext } from '../jobs/JobRun.js';
import type { JobRuns } from '../jobs/ports.js';
import { type AuditPorts, recordAudit } from '../audit/recordAudit.js';
import { actorOfReference, engineActor } from '../shared/Actor.js';
import type { DatasetDefinition, DatasetRow } from './DatasetDefinition.js';
import { agreementsDataset, campaignsDataset, consentEventsDataset, datasetDefinitions, dunningGroupsDataset, interactionsDataset, paymentsDataset, peopleDataset, signaturesDataset } from './definitions.js';
import type { ExportSources } from './exportPorts.js';
import { peopleContext } from './peopleContext.js';
import { personRow } from './personRow.js';
import type { DatasetStore } from './ports.js';
import { agreementRow, campaignRow, consentEventRow, dunningGroupRow, interactionRows, messageEventRows, paymentRow, signatureRow } from './rows.js';
import { type PartitionedOutcome, writePartitioned } from './writePartitioned.js';

export interface ExportPorts extends AuditPorts {
  sources: ExportSources;
  store: DatasetStore;
  jobRuns: JobRuns;
  segmentMembers: SegmentMembers;
}

export const exportDatasetsJobName = 'export-datasets';
export const exportPaymentsHourlyJobName = 'export-datasets-hourly';

/** [Rapportering1] Nightly: every dataset written afresh, partition by partition. */
export function exportDatasetsJob(ports: ExportPorts): Job {
  return { name: exportDatasetsJobName, description: 'All Power BI datasets in full, into Blob storage (container datasets)', run: (context) => exportAll(context, ports) };
}

/** [Rapportering1][CARE-Interactions] Hourly: the months of payments and of interactions changed since the last export. */
export function exportPaymentsHourlyJob(ports: ExportPorts): Job {
  return {
    name: exportPaymentsHourlyJobName,
    description: 'The months of payments and interactions changed since the last export',
    run: async (context) => ({ ...(await exportChangedPayments(context, ports)), ...(await exportChangedInteractions(context, ports)) }),
  };
}

async function exportAll(context: JobContext, ports: ExportPorts): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let rowsDone = 0;
  const write = async (dataset: DatasetDefinition, pages: AsyncIterable<DatasetRow[]> | DatasetRow[][]) => {
    await ports.store.writeSchema(dataset);
    const outcome = await writePartitioned(dataset, pages, ports.store, { replaceAll: true, onPartition: (sofar) => context.progress(rowsDone + sofar.rows, 'rows') });
    rowsDone += outcome.rows;
    counts[`${dataset.name}.rows`] = outcome.rows;
    counts[`${dataset.name}.parquetBytes`] = outcome.parquetBytes;
  };
  const { sources } = ports;
  await write(paymentsDataset, mapPages(sources.payments(), paymentRow));
  const people = await peopleContext(sources);
  await write(peopleDataset, mapPages(sources.persons(), (person) => personRow(person, people)));
  await write(agreementsDataset, mapPages(sources.agreements(), agreementRow));
  await write(signaturesDataset, mapPages(sources.signatures(), signatureRow));
  await write(consentEventsDataset, mapPages(sources.consentEntries(), consentEventRow));
  const campaigns = (await sources.campaigns()).map(campaignRow).sort((a, b) => String(a['updated_on']).localeCompare(String(b['updated_on'])));
  await write(campaignsDataset, [campaigns]);
  await write(dunningGroupsDataset, dunningGroupPages(ports));
  await write(interactionsDataset, interactionPages(await interactionMonths(ports), ports));
  counts['datasets'] = datasetDefinitions.length;
  await auditExport(context, counts, ports);
  return counts;
}

/**
 * [KomMed-GDPR] The export is entered in the audit log (by whoever started it, or the schedule) with
 * the rows per dataset, before the run counts as done; a failed entry fails the run, which is retried.
 */
async function auditExport(context: JobContext, counts: Record<string, number>, ports: ExportPorts): Promise<void> {
  const { requestedBy } = context.run;
  await recordAudit(
    {
      actor: requestedBy ? actorOfReference(requestedBy) : engineActor(`schedule:${exportDatasetsJobName}`),
      action: `job ${exportDatasetsJobName}`,
      kind: 'export',
      personIds: [],
      count: counts[`${peopleDataset.name}.rows`] ?? 0,
      criteria: { datasets: datasetDefinitions.map((dataset) => dataset.name).join(','), ...Object.fromEntries(Object.entries(counts).filter(([key]) => key.endsWith('.rows')).map(([key, value]) => [key, String(value)])) },
    },
    ports,
  );
}

async function exportChangedPayments(context: JobContext, ports: ExportPorts): Promise<Record<string, number>> {
  const since = await lastExportStart(ports.jobRuns, context.run.id);
  const months = since ? [...new Set((await ports.sources.paymentDatesChangedSince(since)).map((date) => date.slice(0, 7)))].sort() : undefined;
  let outcome: PartitionedOutcome = { rows: 0, partitions: 0, parquetBytes: 0, csvBytes: 0 };
  if (!months) {
    outcome = await writePartitioned(paymentsDataset, mapPages(ports.sources.payments(), paymentRow), ports.store, { replaceAll: true });
  } else {
    for (const month of months) {
      const written = await writePartitioned(paymentsDataset, mapPages(ports.sources.payments({ from: `${month}-01`, to: `${month}-31` }), paymentRow), ports.store, { replaceAll: false });
      outcome = { rows: outcome.rows + written.rows, partitions: outcome.partitions + written.partitions, parquetBytes: outcome.parquetBytes + written.parquetBytes, csvBytes: outcome.csvBytes + written.csvBytes };
      await context.progress(outcome.partitions, 'partitions', months.length);
    }
  }
  return { 'payments.rows': outcome.rows, 'payments.partitions': outcome.partitions };
}

async function exportChangedInteractions(context: JobContext, ports: ExportPorts): Promise<Record<string, number>> {
  const since = await lastExportStart(ports.jobRuns, context.run.id);
  if (!since) {
    const outcome = await writePartitioned(interactionsDataset, interactionPages(await interactionMonths(ports), ports), ports.store, { replaceAll: true });
    return { 'interactions.rows': outcome.rows, 'interactions.partitions': outcome.partitions };
  }
  const months = await interactionMonths(ports, since);
  let rows = 0;
  for (const month of months) rows += (await writePartitioned(interactionsDataset, interactionPages([month], ports), ports.store, { replaceAll: false })).rows;
  return { 'interactions.rows': rows, 'interactions.partitions': months.length };
}

/** [CARE-Interactions] The months with interactions (reported outcomes and message events), all or those changed after `since`. */
async function interactionMonths(ports: ExportPorts, since?: string): Promise<string[]> {
  const sendMonths = (await ports.sources.sendDaysChangedSince(since ?? '')).map((date) => date.slice(0, 7));
  return [...new Set([...sendMonths, ...(await ports.sources.messageMonthsChangedSince(since))])].sort();
}

/** The `interactions` rows month by month (the order the dataset is written in): reported outcomes, then message events. */
async function* interactionPages(months: string[], ports: ExportPorts): AsyncIterable<DatasetRow[]> {
  for (const month of months) {
    yield* flatPages(ports.sources.sends(month), interactionRows);
    for await (const page of ports.sources.messages(month)) yield page.flatMap((message) => messageEventRows(message, month));
  }
}

/** When the last completed export (full or hourly) started: what changed after it is written again. */
async function lastExportStart(jobRuns: JobRuns, currentRunId: string): Promise<string | undefined> {
  const runs = [...(await jobRuns.recent(20, exportDatasetsJobName)), ...(await jobRuns.recent(20, exportPaymentsHourlyJobName))];
  const starts = runs.filter((run) => run.id !== currentRunId && run.status === 'completed' && run.startedAt).map((run) => run.startedAt!);
  return starts.sort().at(-1);
}

/** Each day's latest completed run of the groups, oldest day first. */
async function* dunningGroupPages(ports: ExportPorts): AsyncIterable<DatasetRow[]> {
  const runs = (await ports.jobRuns.recent(400, dunningGroupsJobName)).filter((run) => run.status === 'completed');
  const latestOfDay = new Map<string, (typeof runs)[number]>();
  for (const run of runs) if (!latestOfDay.has(run.forDate) || (latestOfDay.get(run.forDate)!.finishedAt ?? '') < (run.finishedAt ?? '')) latestOfDay.set(run.forDate, run);
  for (const run of [...latestOfDay.values()].sort((a, b) => a.forDate.localeCompare(b.forDate))) {
    for (const group of dunningGroups) {
      let continuationToken: string | undefined;
      do {
        const page = await ports.segmentMembers.page(run.id, group, { pageSize: 5_000, ...(continuationToken && { continuationToken }) });
        yield page.items.map((member) => dunningGroupRow(run.forDate, member));
        continuationToken = page.continuationToken;
      } while (continuationToken);
    }
  }
}

async function* flatPages<T>(pages: AsyncIterable<T[]>, toRows: (item: T) => DatasetRow[]): AsyncIterable<DatasetRow[]> {
  for await (const page of pages) yield page.flatMap(toRows);
}

async function* mapPages<T>(pages: AsyncIterable<T[]>, toRow: (item: T) => DatasetRow | undefined): AsyncIterable<DatasetRow[]> {
  for await (const page of pages) yield page.map(toRow).filter((row): row is DatasetRow => row !== undefined);
}
