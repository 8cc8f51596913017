import { type FetchWithRetryOptions, fetchWithRetry } from '../http/fetchWithRetry.js';
import { HttpError } from '../http/HttpError.js';

export interface ClientCredentials {
  /** Entra ID's authority, e.g. "https://login.microsoftonline.com". */
  authorityUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The resource the token is for: `<resource>/.default` is the scope. */
  resource: string;
}

/** A token is renewed this long before it expires (at most half its lifetime). */
const renewBeforeExpirySeconds = 300;

/**
 * An access token from Entra ID by the OAuth 2.0 client credentials grant, kept until shortly
 * before it expires. Callers asking at the same time share one token request.
 */
export class ClientCredentialsToken {
  private cached: { token: string; renewAtMs: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly retry: FetchWithRetryOptions = {},
    private readonly nowMs: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.cached && this.nowMs() < this.cached.renewAtMs) return this.cached.token;
    this.pending ??= this.request().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets `token` when the API refused it, so the next `get` fetches a new one. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async request(): Promise<string> {
    const { authorityUrl, tenantId, clientId, clientSecret, resource } = this.credentials;
    const url = `${withoutTrailingSlash(authorityUrl)}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: `${withoutTrailingSlash(resource)}/.default`,
    });
    const requestedAtMs = this.nowMs();
    const response = await fetchWithRetry(
      url,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: form.toString() },
      this.retry,
    );
    if (!response.ok) throw await HttpError.fromResponse('Entra ID', response);
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new HttpError('Entra ID', response.status, 'the token response has no access_token or expires_in');
    }
    const renewAfterSeconds = body.expires_in - Math.min(renewBeforeExpirySeconds, body.expires_in / 2);
    this.cached = { token: body.access_token, renewAtMs: requestedAtMs + renewAfterSeconds * 1000 };
    return body.access_token;
  }
}

export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
