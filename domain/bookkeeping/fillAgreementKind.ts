import type { MirrorRecord } from '../mirror/MirrorRecord.js';
import type { OfAgreement } from '../mirror/OnlineFundraisingRecords.js';
import type { Clock } from '../shared/Clock.js';
import type { PaymentLedger } from './ports.js';

/**
 * An agreement arrived after some of its payments: they learn its kind (membership, regular
 * support, one-off), which chooses their account when their campaign names none. A payment that
 * changed meanwhile keeps its version; the next run holds it if it still has no account.
 */
export async function fillAgreementKind(record: MirrorRecord, ports: { ledger: PaymentLedger; clock: Clock }): Promise<number> {
  if (record.entity !== 'agreement') return 0;
  const agreement = record.record as OfAgreement;
  let filled = 0;
  for (const { value, etag } of await ports.ledger.withoutAgreementKind(agreement.id)) {
    const updated = { ...value, agreementKind: agreement.kind, updatedAt: ports.clock.now().toISOString() };
    if ((await ports.ledger.replace(updated, etag)) === 'replaced') filled++;
  }
  return filled;
}
