import { checkCprNumber } from './cprNumber.js';

/**
 * A CPR number as the engine stores it ([KomMed-GDPR]): encrypted with authenticated encryption
 * under a key version it names (so keys can rotate), and a keyed hash (`lookup`) that the `cpr`
 * match rule compares, so no clear CPR is kept anywhere.
 */
export interface SealedCpr {
  keyVersion: string;
  ciphertext: string;
  lookup: string;
}

/** Port: seals and opens CPR numbers with keys the engine never stores beside the data. */
export interface CprVault {
  seal(cpr: string): SealedCpr;
  open(sealed: SealedCpr): string;
  /** The keyed hash of a (checked) CPR number: equal numbers give equal lookups. */
  lookupOf(cpr: string): string;
}

/** A CPR number as typed, checked and sealed; or why it is no CPR number (never echoing the value). */
export function sealCprNumber(typed: string, vault: CprVault): { ok: true; sealed: SealedCpr } | { ok: false; problem: string } {
  const checked = checkCprNumber(typed);
  return checked.ok ? { ok: true, sealed: vault.seal(checked.cpr) } : checked;
}
