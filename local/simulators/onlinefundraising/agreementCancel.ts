import { z } from 'zod';
import type { ChangedEntity } from './contactMerge.js';
import type { AgreementRecord } from './entities.js';
import type { EntityStore } from './entityStore.js';

export const maxCancellationReasonLength = 500;

const cancelRequestSchema = z.object({ reason: z.string().min(1).max(maxCancellationReasonLength) });

export interface AgreementCancel {
  /** The agreement after the cancellation (as it was, when it had been cancelled already). */
  agreement: AgreementRecord;
  /** The agreement, then every subscription cancelled with it; empty when the agreement had been cancelled already. */
  changed: ChangedEntity[];
}

/** Why OF refuses a cancellation, with the status and error code its API answers. */
export class AgreementCancelError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly code: 'invalid_request' | 'not_found',
    message: string,
  ) {
    super(message);
    this.name = 'AgreementCancelError';
  }
}

/** Checks a `POST /agreements/<id>/cancel` body and gives its reason; throws AgreementCancelError 400 when it is not as described. */
export function parseCancelRequest(body: unknown): string {
  const parsed = cancelRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new AgreementCancelError(400, 'invalid_request', `the body must be { "reason": "<why, 1 to ${maxCancellationReasonLength} characters>" }`);
  }
  return parsed.data.reason;
}

/**
 * Cancels an agreement as the organisation, as OF is assumed to (`POST /agreements/<id>/cancel`):
 * the agreement becomes `cancelled` with `end_date` = `today` (business date, Europe/Copenhagen) and
 * the reason; each of its subscriptions not cancelled yet becomes `cancelled` by the `organisation`
 * with the reason. Checked in this order: the reason (400), the agreement exists (404). An agreement
 * cancelled already is left as it is (its subscriptions too), so a repeated cancellation changes nothing.
 */
export function cancelAgreement(store: EntityStore, agreementId: string, reason: string, today: string): AgreementCancel {
  parseCancelRequest({ reason });
  const agreement = store.get('agreement', agreementId);
  if (!agreement) throw new AgreementCancelError(404, 'not_found', `no agreement with id ${agreementId}`);
  if (agreement.status === 'cancelled') return { agreement, changed: [] };
  const { record } = store.put('agreement', agreementId, { status: 'cancelled', end_date: today, cancellation_reason: reason });
  const subscriptionIds = store
    .matching('subscription', { agreement_id: agreementId })
    .filter((subscription) => subscription.status !== 'cancelled')
    .map((subscription) => subscription.id)
    .sort();
  for (const id of subscriptionIds) {
    store.put('subscription', id, { status: 'cancelled', cancellation_reason: reason, cancelled_by: 'organisation' });
  }
  return {
    agreement: record,
    changed: [{ entity: 'agreement', id: agreementId }, ...subscriptionIds.map((id) => ({ entity: 'subscription' as const, id }))],
  };
}
