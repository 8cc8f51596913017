import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { InvalidAccessTokenError, SignInUnavailableError } from '../../domain/access/errors.js';
import type { AccessTokenVerifier, VerifiedAccessToken } from '../../domain/access/ports.js';
import type { Clock } from '../../domain/shared/Clock.js';

export interface StaffSignInSettings {
  /** The tenant's v2.0 issuer, e.g. `https://login.microsoftonline.com/<tenant>/v2.0`; its discovery document names the keys. */
  issuer: string;
  tenantId: string;
  /** What `aud` must be: the engine app registration's client id (v2.0 tokens). */
  audience: string;
  /** Clock skew allowed on `exp` and `nbf`. */
  clockToleranceSeconds: number;
}

/** The claims the engine needs; anything else a token carries is ignored. */
const engineClaims = z.object({
  oid: z.guid(),
  tid: z.guid(),
  name: z.string().max(256).optional(),
  azp: z.string().max(256).optional(),
  idtyp: z.string().optional(),
  roles: z.array(z.string()).default([]),
  groups: z.array(z.string()).default([]),
});

/** jose's codes for a token that is wrong in itself (as opposed to keys that could not be fetched). */
const refusedTokenCodes = new Set([
  errors.JWTExpired.code,
  errors.JWTClaimValidationFailed.code,
  errors.JWTInvalid.code,
  errors.JWSInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
]);

type RemoteKeySet = ReturnType<typeof createRemoteJWKSet>;

/** Unknown key ids already looked for, so a flood of made-up ids cannot make the engine hammer Entra. */
const rememberedUnknownKids = 100;

/**
 * [Brugerrettigheder] Verifies Entra ID access tokens with jose against the tenant's published keys:
 * RS256 only, issuer, audience, `exp`/`nbf` with a small skew, and the tenant. The keys' address comes
 * from the issuer's OpenID discovery document. The key set is cached; a token naming a `kid` the
 * cache lacks makes the engine fetch the keys again once for that `kid` (Entra's key rollover), and
 * a `kid` still unknown after that is refused without fetching again.
 */
export class EntraAccessTokenVerifier implements AccessTokenVerifier {
  private keys: Promise<RemoteKeySet> | undefined;
  private readonly kidsLookedFor = new Set<string>();

  constructor(
    private readonly settings: StaffSignInSettings,
    private readonly clock: Clock,
  ) {}

  async verify(token: string): Promise<VerifiedAccessToken> {
    const keys = await this.keySet();
    const payload = await this.verifiedAfterKeyRollover(token, keys);
    const claims = engineClaims.safeParse(payload);
    if (!claims.success) {
      const names = [...new Set(claims.error.issues.map((issue) => String(issue.path[0])))];
      throw new InvalidAccessTokenError(`the token's ${names.join(', ')} claim${names.length > 1 ? 's are' : ' is'} missing or malformed`);
    }
    if (claims.data.tid.toLowerCase() !== this.settings.tenantId.toLowerCase()) throw new InvalidAccessTokenError('the token is from another tenant');
    if ('_claim_names' in payload || 'hasgroups' in payload) {
      throw new InvalidAccessTokenError("the token's groups were left out (group overage); the app registration must emit only the groups assigned to it");
    }
    return claims.data;
  }

  private async verifiedAfterKeyRollover(token: string, keys: RemoteKeySet): Promise<Record<string, unknown>> {
    try {
      return await this.verified(token, keys);
    } catch (error) {
      const kid = (error as { code?: string }).code === errors.JWKSNoMatchingKey.code ? kidOf(token) : undefined;
      if (!kid || this.kidsLookedFor.has(kid)) throw this.asDomainError(error);
      this.rememberLookingFor(kid);
      await keys.reload().catch((reloadError: unknown) => {
        throw this.asDomainError(reloadError);
      });
      return this.verified(token, keys).catch((retryError: unknown) => {
        throw this.asDomainError(retryError);
      });
    }
  }

  private rememberLookingFor(kid: string): void {
    if (this.kidsLookedFor.size >= rememberedUnknownKids) this.kidsLookedFor.delete(this.kidsLookedFor.values().next().value!);
    this.kidsLookedFor.add(kid);
  }

  private async verified(token: string, keys: RemoteKeySet): Promise<Record<string, unknown>> {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ['RS256'],
        clockTolerance: this.settings.clockToleranceSeconds,
        currentDate: this.clock.now(),
        requiredClaims: ['exp', 'nbf', 'iat'],
      });
      return payload;
    } catch (error) {
      if ((error as { code?: string }).code === errors.JWKSNoMatchingKey.code) throw error;
      throw this.asDomainError(error);
    }
  }

  private keySet(): Promise<RemoteKeySet> {
    this.keys ??= this.discoverKeys().catch((error) => {
      this.keys = undefined;
      throw error;
    });
    return this.keys;
  }

  private async discoverKeys(): Promise<RemoteKeySet> {
    const discoveryUrl = `${this.settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let response: Response;
    try {
      response = await fetch(discoveryUrl, { signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw new SignInUnavailableError(`the sign-in discovery document could not be fetched: ${String(error)}`);
    }
    if (!response.ok) throw new SignInUnavailableError(`the sign-in discovery document answered ${response.status}`);
    const document = z.object({ issuer: z.string(), jwks_uri: z.url() }).parse(await response.json());
    if (document.issuer !== this.settings.issuer) throw new SignInUnavailableError(`the discovery document names issuer ${document.issuer}, not ${this.settings.issuer}`);
    return createRemoteJWKSet(new URL(document.jwks_uri), { cooldownDuration: 30_000, cacheMaxAge: 12 * 60 * 60_000, timeoutDuration: 10_000 });
  }

  private asDomainError(error: unknown): Error {
    if (error instanceof InvalidAccessTokenError || error instanceof SignInUnavailableError) return error;
    const code = (error as { code?: string }).code;
    if (code && refusedTokenCodes.has(code)) return new InvalidAccessTokenError(refusalReason(error as Error & { code: string; claim?: string }));
    return new SignInUnavailableError(`the tenant's signing keys could not be fetched: ${String(error)}`);
  }
}

function refusalReason(error: Error & { code: string; claim?: string }): string {
  if (error.code === errors.JWTExpired.code) return 'the token has expired';
  if (error.code === errors.JWTClaimValidationFailed.code) return `the token's ${error.claim ?? ''} claim is not accepted: ${error.message}`;
  if (error.code === errors.JWSSignatureVerificationFailed.code || error.code === errors.JWKSNoMatchingKey.code) return 'the token is not signed by the tenant';
  if (error.code === errors.JOSEAlgNotAllowed.code) return 'the token must be signed with RS256';
  return `the token is malformed: ${error.message}`;
}

function kidOf(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).kid;
  } catch {
    return undefined;
  }
}
