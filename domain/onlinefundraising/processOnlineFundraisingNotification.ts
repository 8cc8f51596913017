import { fillAgreementKind } from '../bookkeeping/fillAgreementKind.js';
import { type RecordPaymentPorts, recordOnlineFundraisingPayment } from '../bookkeeping/recordOnlineFundraisingPayment.js';
import { type AgreementStatePorts, updateAgreementState } from '../dunning/updateAgreementState.js';
import { linkWaitingChildren } from '../mirror/linkWaitingChildren.js';
import { refreshSupporterKind } from '../mirror/refreshSupporterKind.js';
import { type MirrorPorts, syncMirroredEntity } from '../mirror/syncMirroredEntity.js';
import { type InboundSmsPorts, processInboundSms } from '../sms/processInboundSms.js';
import { personIdForOnlineFundraisingContact } from '../person/personFromOnlineFundraisingContact.js';
import { type SyncPersonPorts, syncPersonFromOnlineFundraising } from '../person/syncPersonFromOnlineFundraising.js';
import type { OnlineFundraisingNotification } from './OnlineFundraisingNotification.js';
import { recordSmsReport } from '../sending/recordSmsReport.js';
import type { MessageEventPorts } from '../sending/recordMessageEvent.js';
import type { SmsGateway } from '../sending/SmsGateway.js';

export type ProcessNotificationPorts = SyncPersonPorts & MirrorPorts & InboundSmsPorts & RecordPaymentPorts & AgreementStatePorts & MessageEventPorts & { smsGateway: SmsGateway };

/** Does the work a queued OF notification stands for: a contact becomes a person, the rest is mirrored. */
export async function processOnlineFundraisingNotification(
  notification: OnlineFundraisingNotification,
  ports: ProcessNotificationPorts,
): Promise<void> {
  if (notification.entity === 'sms_message') {
    await recordSmsReport(notification.entityId, ports);
    return;
  }
  if (notification.entity === 'contact') {
    const { personId, outcome } = await syncPersonFromOnlineFundraising(notification.entityId, ports);
    if (outcome === 'parked' || outcome === 'anonymised') return;
    // Records may wait for the contact's own person (which may now point to a survivor).
    await linkWaitingChildren(personIdForOnlineFundraisingContact(ports.ids, notification.entityId), ports);
    // Their agreements may have arrived before them.
    await refreshSupporterKind(personId, ports);
    return;
  }
  const { id, personId, record } = await syncMirroredEntity(notification.entity, notification.entityId, ports);
  if (notification.entity === 'payment') await recordOnlineFundraisingPayment(record, ports);
  if (notification.entity === 'agreement') await fillAgreementKind(record, ports);
  await updateAgreementState(record, ports);
  if (notification.entity === 'agreement' && personId) await refreshSupporterKind(personId, ports);
  if (notification.entity === 'data_set') await processInboundSmsUnlessAnonymised(id, personId, ports);
}

/** [GDPR1] An SMS tied to an anonymised contact adds nothing to the tombstone (no consent, signature or list). */
async function processInboundSmsUnlessAnonymised(mirrorId: string, personId: string | undefined, ports: ProcessNotificationPorts): Promise<void> {
  if (personId && (await ports.parents.isAnonymised(personId))) {
    ports.logger.info('inbound SMS of an anonymised person; kept without its text and not acted on', { mirrorId, personId });
    return;
  }
  await processInboundSms(mirrorId, ports);
}
