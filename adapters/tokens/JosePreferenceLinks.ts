import { SignJWT, jwtVerify } from 'jose';
import type { PreferenceLinks } from '../../domain/consent/PreferenceLinks.js';
import type { Clock } from '../../domain/shared/Clock.js';

const audience = 'ms-engine:preferences';
const issuer = 'ms-engine';

/**
 * Preference links as JWTs (HS256 with the engine's own secret), signed and checked with jose: the
 * subject is the person, and a link lives `validDays` (default 60, long enough for a mail to be
 * opened late).
 */
export class JosePreferenceLinks implements PreferenceLinks {
  private readonly key: Uint8Array;

  constructor(private readonly options: { secret: string; clock: Clock; validDays?: number }) {
    this.key = new TextEncoder().encode(options.secret);
  }

  async issue(personId: string): Promise<{ token: string; expiresAt: string }> {
    const now = this.options.clock.now();
    const expires = new Date(now.getTime() + (this.options.validDays ?? 60) * 24 * 3_600_000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(personId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expires.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt: expires.toISOString() };
  }

  async personOf(token: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], audience, issuer, currentDate: this.options.clock.now() });
      return payload.sub;
    } catch {
      return undefined;
    }
  }
}
