import type { Campaign } from '../bookkeeping/Campaign.js';
import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import type { ConsentEntry } from '../consent/ConsentEntry.js';
import type { AgreementPaymentState } from '../dunning/AgreementPaymentState.js';
import type { SegmentMember } from '../dunning/SegmentMember.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { OutboundMessage } from '../sending/OutboundMessage.js';
import type { SendStatistics } from '../delivery/SendStatistics.js';
import type { Signature } from '../signatures/Signature.js';
import type { DatasetRow } from './DatasetDefinition.js';

/** [Rapportering1][Rapportering3] A payment, refund or imported payment as a `payments` row. */
export function paymentRow(payment: LedgerPayment): DatasetRow {
  return {
    payment_id: payment.id,
    payment_date: payment.paymentDate,
    person_id: payment.personId ?? null,
    amount: payment.amountOre,
    source: payment.source,
    channel: payment.channel,
    agreement_kind: payment.agreementKind ?? null,
    campaign_code: payment.campaignCode ?? null,
    purpose: payment.purpose ?? null,
    refund_of: payment.refundOf ?? null,
    refunded_by: payment.refundedBy ?? null,
    posting_state: payment.posting.state,
    posting_date: payment.posting.state === 'posted' ? payment.posting.postingDate : null,
    recorded_at: payment.recordedAt,
  };
}

export function agreementRow(state: AgreementPaymentState): DatasetRow | undefined {
  if (!state.startDate) return undefined;
  const paid = Object.entries(state.collections).filter(([, outcome]) => outcome === 'paid').map(([index]) => Number(index));
  const lastPaid = Math.max(state.paidBefore ?? -1, ...paid);
  return {
    agreement_id: state.agreementOfId,
    person_id: state.personId ?? null,
    kind: state.kind ?? null,
    status: state.status ?? null,
    start_date: state.startDate,
    frequency: state.frequency ?? null,
    campaign_code: state.campaignCode ?? null,
    restricted: state.restricted ?? null,
    cancelled_on: state.cancelledOn ?? null,
    cancelled_by: state.cancelledViaMs ? 'ms' : (state.cancelledBy ?? null),
    last_paid_collection: lastPaid >= 0 ? lastPaid : null,
  };
}

export function signatureRow(signature: Signature): DatasetRow {
  return {
    signature_id: signature.id,
    petition_id: signature.petitionId,
    person_id: signature.personId,
    signed_on: copenhagenDateOf(new Date(signature.signedAt)),
    signed_at: signature.signedAt,
    source: signature.source.kind,
    campaign_code: signature.campaignCode ?? null,
    email_ok: signature.emailOk,
    phone_ok: signature.phoneOk,
    new_person: signature.newLead,
  };
}

export function campaignRow(campaign: Campaign): DatasetRow {
  return {
    campaign_code: campaign.code,
    name: campaign.name,
    restricted: campaign.restricted,
    source: campaign.source ?? null,
    kind: campaign.kind ?? null,
    account: campaign.accountNumber ?? null,
    project: campaign.project ?? null,
    budget_line: campaign.budgetLine ?? null,
    updated_on: copenhagenDateOf(new Date(campaign.updatedAt)),
  };
}

export function consentEventRow(entry: ConsentEntry): DatasetRow {
  return {
    event_id: entry.id,
    person_id: entry.personId,
    event_date: copenhagenDateOf(new Date(entry.at)),
    event_at: entry.at,
    channel: entry.channel,
    topic: entry.topic,
    action: entry.action,
    source: entry.source.kind,
    campaign_code: entry.campaignCode ?? null,
  };
}

export function dunningGroupRow(runDate: string, member: SegmentMember): DatasetRow {
  return {
    run_date: runDate,
    group: member.group,
    person_id: member.personId,
    agreement_ids: [...new Set(member.reasons.map((reason) => reason.agreementId))].join(' '),
    rules: [...new Set(member.reasons.map((reason) => reason.rule))].join(' | '),
    cancelled_on: member.cancelledOn ?? null,
  };
}

/** [CARE-Interactions] The outcomes of one send, one `interactions` row per person. */
export function interactionRows(send: SendStatistics): DatasetRow[] {
  const reportedOn = copenhagenDateOf(new Date(send.updatedAt));
  return Object.entries(send.outcomes).map(([personId, outcome]) => ({
    reported_on: reportedOn,
    reported_at: send.updatedAt,
    send_id: send.sendId,
    channel: send.channel,
    person_id: personId,
    event: outcome === 'delivered' ? 'delivered' : send.channel === 'email' ? 'bounced' : 'failed',
    message_id: null,
    template_id: null,
    reason: null,
    hard: null,
    link: null,
  }));
}

/** [CARE-Interactions][Rapportering1] A message's events as `interactions` rows, those of one month (YYYY-MM, Danish) when given. */
export function messageEventRows(message: OutboundMessage, month?: string): DatasetRow[] {
  return message.events
    .map((event) => ({ event, day: copenhagenDateOf(new Date(event.at)) }))
    .filter(({ day }) => !month || day.startsWith(month))
    .map(({ event, day }) => ({
      reported_on: day,
      reported_at: event.at,
      send_id: message.sendId,
      channel: message.channel === 'sms' ? 'phone' : 'email',
      person_id: message.personId,
      event: event.kind,
      message_id: message.id,
      template_id: message.templateId,
      reason: event.reason ?? null,
      hard: event.hard ?? null,
      link: event.url ? event.url.split(/[?#]/)[0]! : null,
    }));
}
