import * as oauth from 'oauth4webapi';

/** What a public client needs to know to run the flow. No secret: a public client has none. */
export interface PkceClientSettings {
  /** The issuer identifier, compared exactly (no trailing-slash normalisation). */
  readonly issuer: string;
  readonly clientId: string;
  /** Registered exactly at the provider (RFC 9700 §4.1.3: exact string match). */
  readonly redirectUri: string;
  /** Space-delimited scope requested. */
  readonly scope: string;
  /** RFC 8707 resource indicator: the API the access token is for (its audience). */
  readonly resource?: string;
  /** Where the provider may send the browser after RP-initiated logout. */
  readonly postLogoutRedirectUri?: string;
  /**
   * Permit http:// endpoints. Only for a local demo provider (http://localhost, a LAN address);
   * production issuers are https.
   */
  readonly allowInsecureHttp: boolean;
  /**
   * RFC 9449: the DPoP handle (oauth4webapi `DPoP(client, keyPair)`) of this install's key. When
   * set, the token and refresh requests carry a proof, so the provider binds the access token
   * (`cnf.jkt`, `token_type: DPoP`) and, for a public client, the refresh token to the key.
   */
  readonly dpop?: oauth.DPoPHandle;
  /** Replace fetch (tests, logging wrappers). */
  readonly fetch?: typeof fetch;
}

/** The oauth4webapi client record of a public client (token_endpoint_auth_method `none`). */
export function toOauthClient(settings: PkceClientSettings): oauth.Client {
  return { client_id: settings.clientId, token_endpoint_auth_method: 'none' };
}

/** Options passed to every oauth4webapi HTTP call (insecure-http switch, custom fetch). */
export function toRequestOptions<
  Method extends 'GET' | 'POST',
  Body extends URLSearchParams | undefined = undefined,
>(settings: PkceClientSettings): oauth.HttpRequestOptions<Method, Body> {
  return {
    [oauth.allowInsecureRequests]: settings.allowInsecureHttp,
    ...(settings.fetch ? { [oauth.customFetch]: settings.fetch } : {}),
  };
}
