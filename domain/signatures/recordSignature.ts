import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { SignatureStore } from './ports.js';
import type { Signature, SignatureSourceKind } from './Signature.js';
import { washContact } from './washContact.js';

/** A signature as a form, an import or an SMS gives it, its person already resolved by the caller. */
export interface SignatureInput {
  petitionId: string;
  personId: string;
  sourceKind: SignatureSourceKind;
  /** Unique per event at its source, so the same event recorded twice adds nothing. */
  sourceId: string;
  signedAt: Date;
  campaignCode?: string | undefined;
  /** As the signer typed it; kept on the person, only washed here. */
  email?: string | undefined;
  phone?: string | undefined;
  /** The person was created by this signature (not known to MS before). */
  newLead: boolean;
}

export interface RecordedSignature {
  /** 'exists': the event was recorded before; `signature` is the one recorded then. */
  outcome: 'added' | 'exists';
  signature: Signature;
}

/** The signature an event at its source makes: the same event always gives the same id. */
export function signatureIdFor(event: Pick<SignatureInput, 'petitionId' | 'sourceKind' | 'sourceId'>, ids: Ids): string {
  return ids.fromKey(`signature:${event.petitionId}:${event.sourceKind}:${event.sourceId}`);
}

/**
 * [OnlineFundraising15][Leadflow] Records a signature, washed: email_OK and phone_OK are stored
 * whatever the values, the raw email and phone are not. The first recording of an event stands.
 */
export async function recordSignature(input: SignatureInput, ports: { signatures: SignatureStore; ids: Ids; clock: Clock }): Promise<RecordedSignature> {
  const signature: Signature = {
    id: signatureIdFor(input, ports.ids),
    petitionId: input.petitionId,
    personId: input.personId,
    signedAt: input.signedAt.toISOString(),
    recordedAt: ports.clock.now().toISOString(),
    source: { kind: input.sourceKind, id: input.sourceId },
    ...(input.campaignCode && { campaignCode: input.campaignCode }),
    ...washContact(input, ports.ids),
    newLead: input.newLead,
  };
  if ((await ports.signatures.add(signature)) === 'added') return { outcome: 'added', signature };
  const stored = await ports.signatures.get(signature.petitionId, signature.id);
  return { outcome: 'exists', signature: stored?.value ?? signature };
}
