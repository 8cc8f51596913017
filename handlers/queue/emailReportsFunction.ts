import { z } from 'zod';
import { emailReportKind, recordEmailReport } from '../../domain/sending/recordEmailReport.js';
import type { MessageEventPorts } from '../../domain/sending/recordMessageEvent.js';
import type { EmailReport } from '../../domain/sending/EmailReport.js';
import type { QueueFunction } from './QueueFunction.js';
import { queueNames } from './queueNames.js';
import { type FailureTrackingDeps, withFailureTracking } from './withFailureTracking.js';

const reportItem = z.looseObject({
  messageId: z.string().min(1),
  kind: z.literal(emailReportKind),
  body: z.object({
    eventId: z.string().min(1),
    messageId: z.string().min(1),
    at: z.string().min(1),
    kind: z.enum(['delivery', 'opened', 'clicked']),
    status: z.string().optional(),
    details: z.string().optional(),
    url: z.string().optional(),
  }),
});

/** [CARE-Interactions] Records queued mail reports on their messages; failures retry, then dead-letter for replay. */
export function emailReportsFunction(deps: MessageEventPorts & FailureTrackingDeps): QueueFunction {
  const queueName = queueNames.emailReports;
  return {
    name: 'emailReports',
    queueName,
    handle: withFailureTracking(
      queueName,
      async (message) => {
        const { body } = reportItem.parse(message);
        await recordEmailReport(body as EmailReport, deps);
      },
      deps,
    ),
  };
}
