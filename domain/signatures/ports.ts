import type { Versioned } from '../person/ports.js';
import type { Signature } from './Signature.js';

/** Port: the petition signatures. Writes are conditional; nothing overwrites blindly. */
export interface SignatureStore {
  /** 'exists' when a signature with this id was recorded before (the same event again). */
  add(signature: Signature): Promise<'added' | 'exists'>;
  get(petitionId: string, id: string): Promise<Versioned<Signature> | null>;
  /** 'stale' when the stored signature changed since `etag` was read. */
  replace(signature: Signature, etag: string): Promise<'replaced' | 'stale'>;
  /** Every signature of the petition, withdrawn ones included, in no particular order. */
  ofPetition(petitionId: string): Promise<Signature[]>;
  /** Every signature of the person on any petition, in no particular order. */
  ofPerson(personId: string): Promise<Signature[]>;
}
