import type { Signature } from './Signature.js';

/**
 * [Leadflow] How many signers the signatures come from, de-duplicated on phone and email: signatures
 * sharing a contact key are one signer, transitively (A shares a phone with B, B an email with C:
 * one). A signature without keys is a signer on its own.
 */
export function countDistinctSigners(signatures: Pick<Signature, 'contactKeys'>[]): number {
  const parent = signatures.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const firstWithKey = new Map<string, number>();
  signatures.forEach((signature, index) => {
    for (const key of signature.contactKeys) {
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, index);
      else parent[root(index)] = root(first);
    }
  });
  return signatures.filter((_, index) => root(index) === index).length;
}
