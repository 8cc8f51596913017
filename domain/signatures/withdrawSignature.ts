import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError, NotFoundError } from '../shared/errors.js';
import type { SignatureStore } from './ports.js';
import type { Signature } from './Signature.js';

export interface WithdrawnSignature {
  /** 'already-withdrawn': it was withdrawn before; the first withdrawal stands. */
  outcome: 'withdrawn' | 'already-withdrawn';
  signature: Signature;
}

const maxAttempts = 5;

/**
 * [Leadflow] A person withdraws a signature: it stays on record, marked, and no longer counts.
 * Withdrawing again changes nothing. NotFoundError when the petition has no such signature.
 */
export async function withdrawSignature(petitionId: string, signatureId: string, withdrawnBy: string, ports: { signatures: SignatureStore; clock: Clock }): Promise<WithdrawnSignature> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.signatures.get(petitionId, signatureId);
    if (!stored) throw new NotFoundError(`no signature ${signatureId} on petition ${petitionId}`);
    if (stored.value.withdrawnAt) return { outcome: 'already-withdrawn', signature: stored.value };
    const signature: Signature = { ...stored.value, withdrawnAt: ports.clock.now().toISOString(), withdrawnBy };
    if ((await ports.signatures.replace(signature, stored.etag)) === 'replaced') return { outcome: 'withdrawn', signature };
  }
  throw new ConcurrencyConflictError(`signature ${signatureId} changed concurrently ${maxAttempts} times in a row`);
}
