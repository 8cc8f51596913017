import type { WorkQueue } from '../messaging/WorkItem.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { EmailReport } from './EmailReport.js';
import { emailReportKind } from './recordEmailReport.js';

/**
 * [CARE-Interactions] Verified mail reports are queued, one work item per event (its id derives from
 * the provider's event id, so a redelivered event is recognisable), and recorded from the queue.
 */
export async function acceptEmailReports(reports: EmailReport[], ports: { emailReports: WorkQueue; ids: Ids; clock: Clock }): Promise<number> {
  const enqueuedAt = ports.clock.now().toISOString();
  for (const report of reports) {
    await ports.emailReports.enqueue({ messageId: ports.ids.fromKey(`email-report:${report.eventId}`), kind: emailReportKind, body: report, enqueuedAt, subject: `message:${report.messageId}` });
  }
  return reports.length;
}
