import { NotFoundError } from '../shared/errors.js';
import { smsFailureReason, bounceReasons } from './bounceReasons.js';
import { type MessageEventPorts, recordMessageEvent } from './recordMessageEvent.js';
import type { SmsGateway } from './SmsGateway.js';

/**
 * [OnlineFundraising7] OF notified that an outbound SMS changed: its current delivery status is read
 * from OF and kept on the engine's message (named by the reference it was sent with). SMS the
 * engine did not send as a message (a test SMS, OF's own) are logged and left.
 */
export async function recordSmsReport(providerMessageId: string, ports: MessageEventPorts & { smsGateway: SmsGateway }): Promise<'recorded' | 'not-ours' | 'pending'> {
  const report = await ports.smsGateway.report(providerMessageId);
  if (!report) throw new NotFoundError(`OnlineFundraising does not know SMS ${providerMessageId}`);
  if (!report.reference) {
    ports.logger.info('status of an SMS the engine did not send as a message; nothing to record', { providerMessageId, status: report.status });
    return 'not-ours';
  }
  if (report.status === 'queued') return 'pending';
  const reason = report.status === 'failed' ? smsFailureReason(report.reason) : undefined;
  const event = { kind: report.status, at: report.at, ...(reason && { reason, hard: bounceReasons[reason].hard }) };
  return (await recordMessageEvent(report.reference, event, ports)) === 'recorded' ? 'recorded' : 'not-ours';
}
