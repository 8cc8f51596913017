import { SignJWT, jwtVerify } from 'jose';
import type { PreferenceLinks } from '../../domain/consent/PreferenceLinks.js';
import type { Clock } from '../../domain/shared/Clock.js';

const issuer = 'ms-engine';

/**
 * Links that name one person, as JWTs (HS256 with the engine's own secret), signed and checked with
 * jose: the subject is the person, the audience what the link is for (a preference link does not
 * open a landing page, nor the other way round), and a link lives `validDays` (default 60, long
 * enough for a mail to be opened late).
 */
export class JosePersonLinks implements PreferenceLinks {
  private readonly key: Uint8Array;
  private readonly audience: string;

  constructor(private readonly options: { secret: string; clock: Clock; purpose: 'preferences' | 'landing'; validDays?: number }) {
    this.key = new TextEncoder().encode(options.secret);
    this.audience = `ms-engine:${options.purpose}`;
  }

  async issue(personId: string): Promise<{ token: string; expiresAt: string }> {
    const now = this.options.clock.now();
    const expires = new Date(now.getTime() + (this.options.validDays ?? 60) * 24 * 3_600_000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(personId)
      .setIssuer(issuer)
      .setAudience(this.audience)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expires.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt: expires.toISOString() };
  }

  async personOf(token: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], audience: this.audience, issuer, currentDate: this.options.clock.now() });
      return payload.sub;
    } catch {
      return undefined;
    }
  }
}
