import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AesGcmCprVault } from './AesGcmCprVault.js';

const key = () => randomBytes(32).toString('base64');
const lookupKey = randomBytes(32);

describe('[KomMed-GDPR] sealed CPR numbers', () => {
  it('[KomMed-GDPR] a sealed number holds no digits of it, opens again, and equal numbers share a lookup', () => {
    const vault = new AesGcmCprVault({ current: 'k1', keys: { k1: key() } }, lookupKey);
    const sealed = vault.seal('0101901234');
    expect(JSON.stringify(sealed)).not.toContain('0101901234');
    expect(vault.open(sealed)).toBe('0101901234');
    expect(vault.seal('0101901234').ciphertext).not.toBe(sealed.ciphertext);
    expect(vault.seal('0101901234').lookup).toBe(sealed.lookup);
    expect(vault.lookupOf('0101901235')).not.toBe(sealed.lookup);
  });

  it('[KomMed-GDPR] after a key rotation old values still open and new ones use the new key; a tampered value is refused', () => {
    const first = { k1: key() };
    const before = new AesGcmCprVault({ current: 'k1', keys: first }, lookupKey).seal('0101901234');
    const rotated = new AesGcmCprVault({ current: 'k2', keys: { ...first, k2: key() } }, lookupKey);
    expect(rotated.open(before)).toBe('0101901234');
    expect(rotated.seal('0101901234')).toMatchObject({ keyVersion: 'k2', lookup: before.lookup });
    const bytes = Buffer.from(before.ciphertext, 'base64');
    bytes[14] = bytes[14]! ^ 1;
    expect(() => rotated.open({ ...before, ciphertext: bytes.toString('base64') })).toThrow();
  });
});
