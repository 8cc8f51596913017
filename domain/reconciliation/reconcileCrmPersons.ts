import type { CrmPersons, PersonRepository } from '../person/ports.js';
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import { type CrmPersonIds, type CrmReconciliationReport, type CrmReconciliationReports, crmReconciliationReportId } from './ports.js';

export interface CrmReconciliationPorts {
  persons: PersonRepository;
  crm: CrmPersons;
  crmPersonIds: CrmPersonIds;
  reports: CrmReconciliationReports;
  clock: Clock;
  logger: Logger;
}

const personsPerPage = 500;
const maxListedIds = 1_000;

/**
 * [NFR-Faults] Compares the engine with the CRM: every active person (not merged away) must have a
 * contact there. One the CRM lacks (a write lost in an outage, a contact deleted by hand) is written
 * again, whatever the engine noted as written. The report (checked, repaired, by id) is kept for the
 * admin API; `progress` hears how many persons were compared.
 */
export async function reconcileCrmPersons(ports: CrmReconciliationPorts, progress: (checked: number) => Promise<void> = async () => {}): Promise<CrmReconciliationReport> {
  const startedAt = ports.clock.now().toISOString();
  const inCrm = new Set<string>();
  for await (const ids of ports.crmPersonIds.pages()) for (const id of ids) inCrm.add(id.toLowerCase());
  let checked = 0;
  const repairedIds: string[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await ports.persons.listAll({ pageSize: personsPerPage, ...(continuationToken && { continuationToken }) });
    for (const person of page.items.filter((candidate) => !candidate.mergedInto)) {
      checked++;
      if (inCrm.has(person.id.toLowerCase())) continue;
      await ports.crm.upsertPerson(person);
      repairedIds.push(person.id);
      ports.logger.warn('person missing from the CRM written again', { personId: person.id });
    }
    await progress(checked);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  const report: CrmReconciliationReport = {
    id: crmReconciliationReportId,
    startedAt,
    finishedAt: ports.clock.now().toISOString(),
    checked,
    repaired: repairedIds.length,
    repairedIds: repairedIds.slice(0, maxListedIds),
  };
  await saveReport(report, ports.reports);
  ports.logger.info('CRM reconciliation done', { checked, repaired: report.repaired });
  return report;
}

async function saveReport(report: CrmReconciliationReport, reports: CrmReconciliationReports): Promise<void> {
  const stored = await reports.get(crmReconciliationReportId);
  await reports.save(report, stored?.etag);
}
