import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { CprVault, SealedCpr } from '../../domain/person/CprVault.js';

/** The keys, as the app setting CPR_ENCRYPTION_KEYS holds them (a Key Vault secret): JSON, base64 256-bit keys by version. */
export interface CprKeyring {
  /** The version new values are sealed with. */
  current: string;
  keys: Record<string, string>;
}

const associatedData = Buffer.from('ms-engine:cpr');

/**
 * [KomMed-GDPR] CPR numbers sealed with AES-256-GCM (a fresh 96-bit nonce per value; the tag
 * authenticates it), each value naming its key version, so a new key can be added as `current` while
 * older values stay readable. The lookup is HMAC-SHA256 under a separate key that never rotates
 * (rotating it would mean re-hashing every stored lookup).
 */
export class AesGcmCprVault implements CprVault {
  private readonly keys: Map<string, Buffer>;

  constructor(
    private readonly keyring: CprKeyring,
    private readonly lookupKey: Buffer,
  ) {
    this.keys = new Map(Object.entries(keyring.keys).map(([version, key]) => [version, Buffer.from(key, 'base64')]));
    for (const [version, key] of this.keys) if (key.length !== 32) throw new Error(`CPR key ${version} is not 256 bits`);
    if (!this.keys.has(keyring.current)) throw new Error(`the current CPR key ${keyring.current} is not in the keyring`);
    if (lookupKey.length < 32) throw new Error('the CPR lookup key must be at least 256 bits');
  }

  seal(cpr: string): SealedCpr {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.keyring.current)!, nonce).setAAD(associatedData);
    const ciphertext = Buffer.concat([nonce, cipher.update(cpr, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { keyVersion: this.keyring.current, ciphertext: ciphertext.toString('base64'), lookup: this.lookupOf(cpr) };
  }

  open(sealed: SealedCpr): string {
    const key = this.keys.get(sealed.keyVersion);
    if (!key) throw new Error(`CPR key version ${sealed.keyVersion} is not in the keyring`);
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12)).setAAD(associatedData);
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
  }

  lookupOf(cpr: string): string {
    return createHmac('sha256', this.lookupKey).update(cpr).digest('hex');
  }
}
