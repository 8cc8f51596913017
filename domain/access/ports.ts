
/** The claims of a verified access token that the engine uses (Entra ID v2.0 token claim names). */
export interface VerifiedAccessToken {
  oid: string;
  tid: string;
  /** Users' display name; apps have none. */
  name?: string;
  /** The calling app's client id. */
  azp?: string;
  /** `app` for client-credentials tokens. */
  idtyp?: string;
  roles: string[];
  groups: string[];
}

/** Port: checks an access token's signature and claims against the tenant's published keys. */
export interface AccessTokenVerifier {
  /** Throws `InvalidAccessTokenError` for a token that must be refused, `SignInUnavailableError` when the keys cannot be fetched. */
  verify(token: string): Promise<VerifiedAccessToken>;
}

