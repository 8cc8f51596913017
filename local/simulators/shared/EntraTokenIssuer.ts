import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Clock } from '../../../domain/shared/Clock.js';

/** The app registration the simulated Entra ID tenant knows: the only client it issues tokens to. */
export interface AppRegistration {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

export interface TokenEndpointResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Entra ID's v2 token endpoint for the client credentials grant, as far as a daemon app calling one
 * resource (Dataverse, Business Central) sees it: an access token (a signed JWT with the resource as
 * audience) or an AADSTS error. The simulator's own signing key stands in for Entra's; `expireAll`
 * rotates it, so every token issued before is refused afterwards (as a token past its lifetime is).
 * Shared by the simulators that sit behind Entra ID.
 */
export class EntraTokenIssuer {
  private signingKey = randomBytes(32);

  constructor(
    private readonly app: AppRegistration,
    /** The resource tokens are issued for (the `aud` claim; the scope's resource), e.g. the Dataverse org URL. */
    private readonly resource: string,
    private readonly lifetimeSeconds: number,
    private readonly clock: Clock,
  ) {}

  async issue(tenantInPath: string, form: URLSearchParams): Promise<TokenEndpointResponse> {
    const refusal = this.refusal(tenantInPath, form);
    if (refusal) return refusal;
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const accessToken = await new SignJWT({ appid: this.app.clientId, tid: this.app.tenantId, idtyp: 'app', roles: [] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(`https://sts.windows.net/${this.app.tenantId}/`)
      .setAudience(this.resource)
      .setSubject(this.app.clientId)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + this.lifetimeSeconds)
      .setJti(randomUUID())
      .sign(this.signingKey);
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: this.lifetimeSeconds, ext_expires_in: this.lifetimeSeconds, access_token: accessToken },
    };
  }

  /** True for `Bearer <token>` when the token is one this issuer signed and it has not expired. */
  async accepts(authorization: string | undefined): Promise<boolean> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return false;
    try {
      await jwtVerify(token, this.signingKey, {
        audience: this.resource,
        issuer: `https://sts.windows.net/${this.app.tenantId}/`,
        currentDate: this.clock.now(),
      });
      return true;
    } catch {
      return false;
    }
  }

  expireAll(): void {
    this.signingKey = randomBytes(32);
  }

  private refusal(tenantInPath: string, form: URLSearchParams): TokenEndpointResponse | undefined {
    const { tenantId, clientId, clientSecret } = this.app;
    if (tenantInPath.toLowerCase() !== tenantId.toLowerCase()) {
      return this.error(400, 'invalid_request', 90002, `Tenant '${tenantInPath}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    }
    for (const parameter of ['grant_type', 'client_id']) {
      if (!form.get(parameter)) return this.missing(parameter);
    }
    const grantType = form.get('grant_type');
    if (grantType !== 'client_credentials') {
      return this.error(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
    }
    if (form.get('client_id')?.toLowerCase() !== clientId.toLowerCase()) {
      return this.error(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.get('client_id')}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    }
    const secret = form.get('client_secret');
    if (!secret) {
      return this.error(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
    if (secret !== clientSecret) {
      return this.error(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      );
    }
    return this.scopeRefusal(form.get('scope'));
  }

  private scopeRefusal(scope: string | null): TokenEndpointResponse | undefined {
    if (!scope) return this.missing('scope');
    if (!scope.endsWith('/.default')) {
      return this.error(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const resource = scope.slice(0, -'/.default'.length);
    if (withoutTrailingSlashes(resource).toLowerCase() !== withoutTrailingSlashes(this.resource).toLowerCase()) {
      return this.error(
        400,
        'invalid_resource',
        500011,
        `The resource principal named ${resource} was not found in the tenant named ${this.app.tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      );
    }
    return undefined;
  }

  private missing(parameter: string): TokenEndpointResponse {
    return this.error(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${parameter}'.`);
  }

  /** Entra's error body: the AADSTS code leads the description, followed by trace and correlation ids. */
  private error(status: number, error: string, aadsts: number, description: string): TokenEndpointResponse {
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const timestamp = `${this.clock.now().toISOString().slice(0, 19).replace('T', ' ')}Z`;
    return {
      status,
      body: {
        error,
        error_description: `AADSTS${aadsts}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
        error_codes: [aadsts],
        timestamp,
        trace_id: traceId,
        correlation_id: correlationId,
        error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
      },
    };
  }
}

function withoutTrailingSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}
