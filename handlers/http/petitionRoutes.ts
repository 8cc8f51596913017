import { Hono } from 'hono';
import { petitionCounts } from '../../domain/signatures/petitionCounts.js';
import type { SignatureStore } from '../../domain/signatures/ports.js';
import type { Signature } from '../../domain/signatures/Signature.js';
import { signaturesOfPetition } from '../../domain/signatures/signaturesOfPetition.js';
import { withdrawSignature } from '../../domain/signatures/withdrawSignature.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { engineId, externalKey, pathParams } from './pathParams.js';
import { actorOf } from './access/staffOf.js';
import { actorReference } from '../../domain/shared/Actor.js';

export interface PetitionRouteDeps {
  signatures: SignatureStore;
  clock: Clock;
  logger: Logger;
}


/** A signature as staff see it: the flags and provenance, not the opaque de-duplication keys. */
export type SignatureView = Omit<Signature, 'contactKeys'>;
const view = ({ contactKeys: _keys, ...signature }: Signature): SignatureView => signature;

/**
 * [OnlineFundraising15][Leadflow] Petitions for staff (mounted under /admin/petitions, behind admin
 * auth): GET /{petitionId}/counts (all, de-duplicated, new leads), GET /{petitionId}/signatures
 * (newest first, with email_OK/phone_OK), POST /{petitionId}/signatures/{id}/withdraw.
 */
export function petitionRoutes(deps: PetitionRouteDeps): Hono {
  return new Hono()
    .get('/:petitionId/counts', pathParams({ petitionId: externalKey }), async (c) => c.json(await petitionCounts(c.req.param('petitionId'), deps)))
    .get('/:petitionId/signatures', pathParams({ petitionId: externalKey }), async (c) => {
      const signatures = await signaturesOfPetition(c.req.param('petitionId'), deps);
      c.set('auditedPersons', [...new Set(signatures.map((signature) => signature.personId))]);
      return c.json({ signatures: signatures.map(view) });
    })
    .post('/:petitionId/signatures/:signatureId/withdraw', pathParams({ petitionId: externalKey, signatureId: engineId }), async (c) => {
      const { outcome, signature } = await withdrawSignature(c.req.param('petitionId'), c.req.param('signatureId'), actorReference(actorOf(c)), deps);
      deps.logger.info('signature withdrawn', { outcome, petitionId: signature.petitionId, signatureId: signature.id, personId: signature.personId });
      return c.json(view(signature));
    });
}
