import type { AgreementPaymentState } from './AgreementPaymentState.js';
import type { Frequency } from '../mirror/OnlineFundraisingRecords.js';
import { addDays, addMonths } from '../shared/businessDates.js';
import { collectionDate, lastCollectionOnOrBefore } from './collections.js';
import type { DunningSettings } from './DunningSettings.js';
import type { GroupReason } from './SegmentMember.js';

/**
 * [CampaignAutomation6] The reactivation groups an agreement is in on `today`. Decisions where MS's
 * criteria are silent:
 * - Only recurring agreements (membership or regular support with a subscription) are classified.
 * - "Active" means the agreement and its subscription are active: a paused or cancelled one is in
 *   no group but GROUP 3.
 * - A collection is expected on the start date and every 1, 3, 6 or 12 months after; it counts as
 *   missed once `graceDays` have passed with no payment for it, paid or pending. A pending payment is
 *   not (yet) missed; a refunded, rejected or failed one does not count as paid.
 * - A collection that falls in a paused period (of the subscription or of the agreement) is not expected.
 * - GROUP 1 needs the start to be more than `neverPaidAfterMonths` months ago: at exactly two
 *   months it is not in; and a pending payment keeps it out (money may be on its way).
 * - GROUP 2 monthly: the last `monthlyMissedInARow` expected collections all missed; other
 *   frequencies: an expected collection after the last paid one missed.
 * - GROUP 3: a payment method of the agreement cancelled by the bank ("Mandate cancelled by bank"),
 *   or its subscription cancelled by the bank, unless the agreement was cancelled via MS (by staff in OF or through the engine).
 */
export function classifyAgreement(state: AgreementPaymentState, today: string | ClassificationDay, settings: DunningSettings): GroupReason[] {
  const day = typeof today === 'string' ? classificationDay(today, settings) : today;
  const { startDate, frequency } = state;
  if (!startDate || !frequency || state.kind === 'one_off') return [];
  const reasons: GroupReason[] = [];
  const bank = bankStopReason(state);
  if (bank) reasons.push(bank);
  if (state.status !== 'active' || (state.subscriptionStatus !== undefined && state.subscriptionStatus !== 'active')) return reasons;
  const stopped = paymentStoppedReason(state, startDate, frequency, day, settings);
  if (stopped) reasons.push(stopped);
  return reasons;
}

/** The dates a run compares with, worked out once per run rather than once per agreement. */
export interface ClassificationDay {
  today: string;
  /** GROUP 1: started before this day. */
  neverPaidStartedBefore: string;
  /** A collection on or before this day is due (its grace has passed). */
  dueOnOrBefore: string;
}

export function classificationDay(today: string, settings: DunningSettings): ClassificationDay {
  return { today, neverPaidStartedBefore: addMonths(today, -settings.neverPaidAfterMonths), dueOnOrBefore: addDays(today, -settings.graceDays) };
}

function paymentStoppedReason(state: AgreementPaymentState, startDate: string, frequency: Frequency, day: ClassificationDay, settings: DunningSettings): GroupReason | undefined {
  let lastPaid = state.paidBefore ?? -1;
  let pending = false;
  for (const index in state.collections) {
    if (state.collections[index] === 'paid') lastPaid = Math.max(lastPaid, Number(index));
    else if (state.collections[index] === 'pending') pending = true;
  }
  const agreementId = state.agreementOfId;
  if (lastPaid < 0) {
    if (pending || startDate >= day.neverPaidStartedBefore) return undefined;
    return { group: 'group-1', agreementId, rule: `active, never paid, started more than ${settings.neverPaidAfterMonths} months ago`, dates: { startDate } };
  }
  const lastDue = lastCollectionOnOrBefore(startDate, frequency, day.dueOnOrBefore);
  const isMissed = (index: number) => state.collections[index] === undefined || state.collections[index] === 'unpaid';
  if (frequency === 'monthly') {
    const lastExpected = expectedBackwards(state, startDate, frequency, lastDue, settings.monthlyMissedInARow);
    if (lastExpected.length < settings.monthlyMissedInARow || !lastExpected.every(isMissed)) return undefined;
    return { group: 'group-2', agreementId, rule: `monthly, paid before, the last ${settings.monthlyMissedInARow} collections missed`, dates: datesOf(lastExpected.reverse(), startDate, frequency) };
  }
  for (let index = lastPaid + 1; index <= lastDue; index++) {
    if (isPaused(state, collectionDate(startDate, frequency, index)) || !isMissed(index)) continue;
    return { group: 'group-2', agreementId, rule: `${frequency}, a collection unpaid since the last payment`, dates: { lastPaid: collectionDate(startDate, frequency, lastPaid), missed1: collectionDate(startDate, frequency, index) } };
  }
  return undefined;
}

/** Up to `count` expected collections, from `lastDue` backwards, skipping paused ones. */
function expectedBackwards(state: AgreementPaymentState, startDate: string, frequency: Frequency, lastDue: number, count: number): number[] {
  const expected: number[] = [];
  for (let index = lastDue; index >= 0 && expected.length < count; index--) {
    if (!hasPauses(state) || !isPaused(state, collectionDate(startDate, frequency, index))) expected.push(index);
  }
  return expected;
}

const hasPauses = (state: AgreementPaymentState) => state.pauses.length > 0 || (state.agreementPauses?.length ?? 0) > 0;

/** Whether the subscription or the agreement itself was paused on `date`. */
function isPaused(state: AgreementPaymentState, date: string): boolean {
  return [...state.pauses, ...(state.agreementPauses ?? [])].some((pause) => pause.from <= date && (!pause.until || date <= pause.until));
}

function bankStopReason(state: AgreementPaymentState): GroupReason | undefined {
  if (!state.bankMandateCancelled || state.cancelledViaMs || state.cancelledBy === 'ms') return undefined;
  return { group: 'group-3', agreementId: state.agreementOfId, rule: `${state.bankMandateCancelled.reason.startsWith('subscription') ? 'subscription' : 'payment mandate'} cancelled by the bank, not cancelled via MS`, dates: { mandateCancelled: state.bankMandateCancelled.on } };
}

function datesOf(indexes: number[], startDate: string, frequency: Frequency): Record<string, string> {
  return Object.fromEntries(indexes.map((index, position) => [`missed${position + 1}`, collectionDate(startDate, frequency, index)]));
}
