import { randomUUID } from 'node:crypto';
import { type CryptoKey, type JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { Clock } from '../../../domain/shared/Clock.js';

/** What a token should say; everything left out gets the value a real sign-in would give. */
export interface StaffTokenRequest {
  oid?: string;
  name?: string;
  username?: string;
  /** App roles (the `roles` claim); any strings, so unknown roles can be tried. */
  roles?: string[];
  /** Entra ID group ids (the `groups` claim). */
  groups?: string[];
  /** An app signed in with client credentials: `idtyp: app`, no name or username. */
  app?: boolean;
  /** A guest account from another tenant (B2B): `idp` and `acct: 1`, as Entra issues them. */
  guest?: boolean;
  /** Seconds until `exp` (default 3600, negative for an expired token). */
  lifetimeSeconds?: number;
  /** Seconds from now until `nbf` (default 0). */
  notBeforeInSeconds?: number;
  /** Overrides for tokens a test wants wrong. */
  audience?: string;
  tenantId?: string;
  issuer?: string;
  /** Claims to leave out (e.g. `oid`) and claims to add. */
  omitClaims?: string[];
  extraClaims?: Record<string, unknown>;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * Entra ID's access tokens for the engine's app registration (v2.0 tokens, RS256, a `kid` naming
 * one of the keys the tenant publishes). `rotateKeys` starts signing with a new key and publishes
 * it beside the previous one, as Entra does when it rolls its keys.
 */
export class StaffTokenIssuer {
  private keys: SigningKey[] = [];

  constructor(
    private readonly tenant: { tenantId: string; engineClientId: string },
    private readonly issuerUrl: () => string,
    private readonly clock: Clock,
  ) {}

  async start(): Promise<void> {
    this.keys = [await newSigningKey()];
  }

  async rotateKeys(): Promise<void> {
    this.keys = [await newSigningKey(), this.keys[0]!];
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((key) => key.publicJwk) };
  }

  async tokenFor(request: StaffTokenRequest): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const tenantId = request.tenantId ?? this.tenant.tenantId;
    const claims = Object.fromEntries(Object.entries({ ...this.claims(request, tenantId), ...request.extraClaims }).filter(([name]) => !request.omitClaims?.includes(name)));
    const key = this.keys[0]!;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
      .setIssuer(request.issuer ?? this.issuerUrl())
      .setAudience(request.audience ?? this.tenant.engineClientId)
      .setIssuedAt(now)
      .setNotBefore(now + (request.notBeforeInSeconds ?? 0))
      .setExpirationTime(now + (request.lifetimeSeconds ?? 3600))
      .sign(key.privateKey);
  }

  private claims(request: StaffTokenRequest, tenantId: string): Record<string, unknown> {
    const oid = request.oid ?? randomUUID();
    const common = { oid, sub: oid, tid: tenantId, ver: '2.0', uti: randomUUID().replace(/-/g, '').slice(0, 22), roles: request.roles ?? [] };
    if (request.app) return { ...common, idtyp: 'app', azp: request.username ?? randomUUID(), azpacr: '1' };
    return {
      ...common,
      name: request.name ?? 'Local Colleague',
      preferred_username: request.username ?? 'colleague@ms.local',
      scp: 'access_as_user',
      azp: randomUUID(),
      ...(request.groups && { groups: request.groups }),
      ...(request.guest && { idp: 'https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/', acct: 1 }),
    };
  }
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID().replace(/-/g, '');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' } };
}
