import { bounceReasons, mailBounceReason } from './bounceReasons.js';
import type { EmailReport } from './EmailReport.js';
import type { MessageEvent } from './OutboundMessage.js';
import { type MessageEventPorts, recordMessageEvent } from './recordMessageEvent.js';

export const emailReportKind = 'email-report';

/**
 * [CARE-Interactions][NFR-Performance] A mail provider's report on one message: delivered, bounced
 * with a plain reason (hard bounces mark the address not working), opened or clicked. A delivery to
 * a distribution list's members (`Expanded`) says nothing about the person and is left.
 */
export async function recordEmailReport(report: EmailReport, ports: MessageEventPorts): Promise<'recorded' | 'unknown-message' | 'ignored'> {
  const event = eventOf(report);
  if (!event) return 'ignored';
  return recordMessageEvent(report.messageId, event, ports);
}

function eventOf(report: EmailReport): MessageEvent | undefined {
  const common = { at: report.at, eventId: report.eventId };
  if (report.kind === 'opened') return { kind: 'opened', ...common };
  if (report.kind === 'clicked') return { kind: 'clicked', ...common, ...(report.url && { url: report.url }) };
  const status = (report.status ?? '').toLowerCase();
  if (status === 'delivered') return { kind: 'delivered', ...common };
  if (status === 'expanded') return undefined;
  const { reason, code } = mailBounceReason(report.status ?? '', report.details);
  return { kind: 'bounced', ...common, reason, hard: bounceReasons[reason].hard, ...(code && { code }) };
}
