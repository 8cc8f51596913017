import type { PaymentLedger } from '../bookkeeping/ports.js';
import type { AgreementStates } from '../dunning/ports.js';
import type { Versioned } from '../person/ports.js';
import { ConcurrencyConflictError } from '../shared/errors.js';

export interface CarryPorts {
  ledger: Pick<PaymentLedger, 'allOfPerson' | 'replace'>;
  agreementStates: Pick<AgreementStates, 'allOfPerson' | 'replace'>;
}

/**
 * [OnlineFundraising13][Refundering] The merged person's payments and agreements belong to the
 * survivor: their gifts count in the survivor's tax total, and their agreements in the survivor's
 * daily groups. Safe to repeat: what has moved is not found again.
 */
export async function carryPaymentsAndAgreements(mergedId: string, survivorId: string, ports: CarryPorts): Promise<number> {
  const payments = await moveAll(() => ports.ledger.allOfPerson(mergedId), (payment) => ports.ledger.replace({ ...payment.value, personId: survivorId }, payment.etag));
  const agreements = await moveAll(() => ports.agreementStates.allOfPerson(mergedId), (state) => ports.agreementStates.replace({ ...state.value, personId: survivorId }, state.etag));
  return payments + agreements;
}

async function moveAll<T>(find: () => Promise<Versioned<T>[]>, move: (item: Versioned<T>) => Promise<'replaced' | 'stale'>): Promise<number> {
  let moved = 0;
  for (let attempt = 1; attempt <= 5; attempt++) {
    const items = await find();
    if (items.length === 0) return moved;
    for (const item of items) if ((await move(item)) === 'replaced') moved++;
  }
  throw new ConcurrencyConflictError('records kept changing while they were moved to the survivor');
}
