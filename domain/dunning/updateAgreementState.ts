import type { MirrorRecord } from '../mirror/MirrorRecord.js';
import type { OfPayment, OfPaymentMethod, OfSubscription } from '../mirror/OnlineFundraisingRecords.js';
import { mirrorIdFor } from '../mirror/mirrorIds.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { type AgreementPaymentState, emptyAgreementState } from './AgreementPaymentState.js';
import { applyMirrorRecord } from './applyMirrorRecord.js';
import type { AgreementStates } from './ports.js';

export interface AgreementStatePorts {
  agreementStates: AgreementStates;
  ids: Ids;
  clock: Clock;
}

/**
 * [CampaignAutomation6] Keeps the agreement's payment state up to date as one of its OF records
 * changes: one read and one conditional write, whatever the size of the payment history.
 */
export async function updateAgreementState(record: MirrorRecord, ports: AgreementStatePorts): Promise<void> {
  const agreementOfId = agreementOfIdOf(record);
  if (!agreementOfId) return;
  const id = mirrorIdFor(ports.ids, 'agreement', agreementOfId);
  await changeAgreementState(id, agreementOfId, (state) => applyMirrorRecord(state, record), ports);
}

/** Applies `change` to the agreement's state (created if missing) with an ETag-conditional write. */
export async function changeAgreementState(
  id: string,
  agreementOfId: string,
  change: (state: AgreementPaymentState) => AgreementPaymentState,
  ports: AgreementStatePorts,
): Promise<AgreementPaymentState> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const now = ports.clock.now().toISOString();
    const stored = await ports.agreementStates.get(id);
    const before = stored?.value ?? emptyAgreementState(id, agreementOfId, now);
    const after = change(before);
    if (stored && JSON.stringify(after) === JSON.stringify(before)) return before;
    const saved = { ...after, updatedAt: now };
    const outcome = stored ? await ports.agreementStates.replace(saved, stored.etag) : await ports.agreementStates.create(saved);
    if (outcome === 'replaced' || outcome === 'created') return saved;
  }
  throw new ConcurrencyConflictError(`agreement state ${id} changed concurrently 5 times in a row`);
}

function agreementOfIdOf(record: MirrorRecord): string | undefined {
  switch (record.entity) {
    case 'agreement':
      return record.ofId;
    case 'subscription':
      return (record.record as OfSubscription).agreementId;
    case 'payment_method':
      return (record.record as OfPaymentMethod).agreementId;
    case 'payment':
      return (record.record as OfPayment).agreementId;
    default:
      return undefined;
  }
}
