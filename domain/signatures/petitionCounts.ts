import { countDistinctSigners } from './distinctSigners.js';
import type { SignatureStore } from './ports.js';

/** [OnlineFundraising15][Leadflow] A petition's signature counts; withdrawn signatures are in none of the three levels. */
export interface PetitionCounts {
  petitionId: string;
  /** Every signature that is not withdrawn. */
  all: number;
  /** Signers, de-duplicated on phone and email. */
  deduplicated: number;
  /**
   * People new to MS through this petition: signers whose signature created their person,
   * de-duplicated on person, phone and email (two contacts of one new person arriving at the same
   * moment are one new lead, even before the engine has merged them).
   */
  newLeads: number;
  /** Withdrawn signatures (counted in none of the above). */
  withdrawn: number;
}

/** [OnlineFundraising15][Leadflow] Counts a petition's signatures on three levels. A petition nobody signed has zeros. */
export async function petitionCounts(petitionId: string, ports: { signatures: SignatureStore }): Promise<PetitionCounts> {
  const signatures = await ports.signatures.ofPetition(petitionId);
  const standing = signatures.filter((signature) => !signature.withdrawnAt);
  return {
    petitionId,
    all: standing.length,
    deduplicated: countDistinctSigners(standing),
    newLeads: countDistinctSigners(standing.filter((signature) => signature.newLead).map((signature) => ({ contactKeys: [...signature.contactKeys, `person:${signature.personId}`] }))),
    withdrawn: signatures.length - standing.length,
  };
}
