/**
 * The one typed file the mock provider seeds from, and the source of the defaults the other apps
 * document in their `.env.example`. Everything here is for local demos and tests only: the
 * passwords and the web client's secret are public by design, and the provider refuses to seed
 * them unless it runs in demo mode.
 */

/** A person who can sign in at the mock provider. `sub` is the OIDC subject identifier. */
export interface DemoUser {
  readonly sub: string;
  readonly username: string;
  readonly password: string;
  readonly email: string;
  readonly name: string;
  readonly givenName: string;
  readonly familyName: string;
}

/** What kind of OAuth client this is, in RFC 6749 §2.1 terms plus the machine case. */
export type DemoClientKind = 'confidential-web' | 'public-native' | 'machine';

/** A client registered at the mock provider. */
export interface DemoClient {
  readonly clientId: string;
  readonly kind: DemoClientKind;
  readonly name: string;
  /** Public clients have none. */
  readonly clientSecret?: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  readonly grantTypes: readonly ('authorization_code' | 'refresh_token' | 'client_credentials')[];
  /** The scopes this client may be granted (space-delimited in the registration). */
  readonly scope: string;
  readonly tokenEndpointAuthMethod: 'client_secret_basic' | 'none';
  /** RFC 9449 §5.2 `dpop_bound_access_tokens`: token requests without a DPoP proof are refused. */
  readonly dpopBoundAccessTokens?: boolean;
}

/** The demo users. Their passwords are listed in the README. */
export const demoUsers: readonly DemoUser[] = Object.freeze([
  Object.freeze({
    sub: '7b0f3c5e-2c1a-4d8e-9f4b-a11ce0000001',
    username: 'alice',
    password: 'alice-demo-password',
    email: 'alice@example.com',
    name: 'Alice Liddell',
    givenName: 'Alice',
    familyName: 'Liddell',
  }),
  Object.freeze({
    sub: '7b0f3c5e-2c1a-4d8e-9f4b-b0b000000002',
    username: 'bob',
    password: 'bob-demo-password',
    email: 'bob@example.com',
    name: 'Bob Builder',
    givenName: 'Bob',
    familyName: 'Builder',
  }),
]);

/** The default URLs of the stack (each app can be moved by its own environment variables). */
export const defaultUrls = Object.freeze({
  issuer: 'http://localhost:4000',
  api: 'http://localhost:3333',
  web: 'http://localhost:3000',
  mobile: 'http://localhost:8081',
});

/** Where the two user-facing clients are served; their redirect URIs follow. */
export interface ClientUrls {
  /** Origin of the web app, e.g. `http://localhost:3100` (a trailing slash is ignored). */
  readonly web: string;
  /** Origin of the mobile app's web build, e.g. `http://localhost:8181`. */
  readonly mobile: string;
}

const origin = (url: string): string => url.replace(/\/+$/, '');

/**
 * The web app (a confidential client using Authorization Code + PKCE) served at `webUrl`: its
 * redirect and post-logout URIs are on that origin.
 *
 * @example
 * webClientAt('http://localhost:3100').redirectUris[0];
 * // 'http://localhost:3100/api/auth/callback/oauth-ref'
 */
export function webClientAt(webUrl: string): DemoClient {
  const base = origin(webUrl);
  return Object.freeze({
    clientId: 'oauth-ref-web',
    kind: 'confidential-web',
    name: 'OAuth Reference Web',
    clientSecret: 'oauth-ref-web-demo-secret-not-for-production',
    redirectUris: Object.freeze([`${base}/api/auth/callback/oauth-ref`]),
    postLogoutRedirectUris: Object.freeze([`${base}/signed-out`]),
    grantTypes: Object.freeze(['authorization_code', 'refresh_token'] as const),
    scope: 'openid profile email offline_access notes:read notes:write',
    tokenEndpointAuthMethod: 'client_secret_basic',
  });
}

/**
 * The mobile app (a public client, no secret, Authorization Code + PKCE) whose web build is
 * served at `mobileUrl`; the native redirect URI (custom scheme) does not depend on a port.
 *
 * @example
 * mobileClientAt('http://localhost:8181').redirectUris[0]; // 'http://localhost:8181/callback'
 */
export function mobileClientAt(mobileUrl: string): DemoClient {
  const base = origin(mobileUrl);
  return Object.freeze({
    clientId: 'oauth-ref-mobile',
    kind: 'public-native',
    name: 'OAuth Reference Mobile',
    redirectUris: Object.freeze([`${base}/callback`, 'com.oauthreference.mobile:/oauthredirect']),
    postLogoutRedirectUris: Object.freeze([`${base}/`]),
    grantTypes: Object.freeze(['authorization_code', 'refresh_token'] as const),
    scope: 'openid profile email offline_access notes:read notes:write',
    tokenEndpointAuthMethod: 'none',
    // Sender-constrained tokens (RFC 9449, RFC 9700 §4.14): a copied access or refresh token is
    // useless without the app's private key.
    dpopBoundAccessTokens: true,
  });
}

/** The web app's client on the default port. */
export const webClient: DemoClient = webClientAt(defaultUrls.web);

/** The mobile app's client on the default port. */
export const mobileClient: DemoClient = mobileClientAt(defaultUrls.mobile);

/** The machine client: client credentials only, for the API's aggregate figures. */
export const machineClient: DemoClient = Object.freeze({
  clientId: 'oauth-ref-machine',
  kind: 'machine',
  name: 'OAuth Reference Reporting Job',
  clientSecret: 'oauth-ref-machine-demo-secret-not-for-production',
  redirectUris: Object.freeze([]),
  postLogoutRedirectUris: Object.freeze([]),
  grantTypes: Object.freeze(['client_credentials'] as const),
  scope: 'notes:stats',
  tokenEndpointAuthMethod: 'client_secret_basic',
});

/** Every demo client on the default ports, in the order the provider's banner lists them. */
export const demoClients: readonly DemoClient[] = Object.freeze([
  webClient,
  mobileClient,
  machineClient,
]);

/**
 * Every demo client for the web and mobile apps served at `urls` — what the provider seeds, so a
 * moved port moves the registered redirect and post-logout URIs with it.
 *
 * @example
 * demoClientsAt({ web: 'http://localhost:3100', mobile: 'http://localhost:8181' })[1]
 *   .postLogoutRedirectUris; // ['http://localhost:8181/']
 */
export function demoClientsAt(urls: ClientUrls): readonly DemoClient[] {
  return Object.freeze([webClientAt(urls.web), mobileClientAt(urls.mobile), machineClient]);
}

/**
 * Finds a demo user by username.
 *
 * @example
 * findDemoUser('alice')?.email; // 'alice@example.com'
 */
export function findDemoUser(username: string): DemoUser | undefined {
  return demoUsers.find((user) => user.username === username);
}
