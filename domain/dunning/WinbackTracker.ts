import type { AgreementPaymentState } from './AgreementPaymentState.js';
import { addMonths } from '../shared/businessDates.js';
import type { DunningSettings } from './DunningSettings.js';
import type { GroupReason } from './SegmentMember.js';

interface PersonSoFar {
  lastCancelledOn: string;
  lastCancelledAgreement: string;
  latestStart: string;
  active: boolean;
}

/**
 * [CampaignAutomation6] Winback, per person, fed one agreement at a time: people whose last
 * recurring agreement was cancelled between `winbackToMonths` and `winbackFromMonths` months ago,
 * who have no active agreement and started none (of any kind, one-off gifts included) after it.
 */
export class WinbackTracker {
  private readonly persons = new Map<string, PersonSoFar>();

  add(state: AgreementPaymentState): void {
    if (!state.personId) return;
    const person = this.persons.get(state.personId) ?? { lastCancelledOn: '', lastCancelledAgreement: '', latestStart: '', active: false };
    const cancelled = state.status === 'cancelled' || state.subscriptionStatus === 'cancelled';
    if (cancelled && state.cancelledOn && state.frequency && state.cancelledOn > person.lastCancelledOn) {
      person.lastCancelledOn = state.cancelledOn;
      person.lastCancelledAgreement = state.agreementOfId;
    }
    if (state.startDate && state.startDate > person.latestStart) person.latestStart = state.startDate;
    if (!cancelled && (state.status === 'active' || state.status === 'paused')) person.active = true;
    this.persons.set(state.personId, person);
  }

  /** The people in winback on `today`, with the cancellation their segment is cut by. */
  *members(today: string, settings: DunningSettings): Generator<{ personId: string; cancelledOn: string; reason: GroupReason }> {
    const earliest = addMonths(today, -settings.winbackToMonths);
    const latest = addMonths(today, -settings.winbackFromMonths);
    for (const [personId, person] of this.persons) {
      const { lastCancelledOn, latestStart } = person;
      if (!lastCancelledOn || lastCancelledOn < earliest || lastCancelledOn > latest || person.active || latestStart > lastCancelledOn) continue;
      const rule = `cancelled ${settings.winbackFromMonths}–${settings.winbackToMonths} months ago, nothing new since`;
      yield { personId, cancelledOn: lastCancelledOn, reason: { group: 'winback', agreementId: person.lastCancelledAgreement, rule, dates: { cancelledOn: lastCancelledOn } } };
    }
  }
}
