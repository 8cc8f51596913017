import type { SignatureStore } from './ports.js';
import type { Signature } from './Signature.js';

/** [Leadflow] A petition's signatures, withdrawn ones included, newest first (by when signed, then when recorded). */
export async function signaturesOfPetition(petitionId: string, ports: { signatures: SignatureStore }): Promise<Signature[]> {
  const signatures = await ports.signatures.ofPetition(petitionId);
  return signatures.sort((a, b) => b.signedAt.localeCompare(a.signedAt) || b.recordedAt.localeCompare(a.recordedAt) || a.id.localeCompare(b.id));
}
