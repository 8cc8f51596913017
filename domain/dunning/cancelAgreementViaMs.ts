import { mirrorIdFor } from '../mirror/mirrorIds.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { AgreementPaymentState } from './AgreementPaymentState.js';
import type { OnlineFundraisingAgreements } from './ports.js';
import { type AgreementStatePorts, changeAgreementState } from './updateAgreementState.js';

/**
 * [CampaignAutomation3] Staff cancel an agreement through the engine: OF cancels it (and its
 * subscriptions) as cancelled by the organisation, and the engine marks it "cancelled via MS", so
 * it never shows up in GROUP 3, even if the bank's cancellation of the mandate arrives later.
 */
export async function cancelAgreementViaMs(
  ofAgreementId: string,
  request: { reason: string; cancelledBy: string },
  ports: AgreementStatePorts & { onlineFundraisingAgreements: OnlineFundraisingAgreements },
): Promise<AgreementPaymentState> {
  await ports.onlineFundraisingAgreements.cancelAgreement(ofAgreementId, request.reason);
  const on = copenhagenDateOf(ports.clock.now());
  const id = mirrorIdFor(ports.ids, 'agreement', ofAgreementId);
  return changeAgreementState(id, ofAgreementId, (state) => (state.cancelledViaMs ? state : { ...state, cancelledViaMs: { on, by: request.cancelledBy, reason: request.reason } }), ports);
}
