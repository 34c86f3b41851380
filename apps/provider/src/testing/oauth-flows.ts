/**
 * Full user flows over HTTP: authorization request → our login page → consent page → callback,
 * then the token request. Used by the integration tests.
 */
import { createHash, randomBytes } from 'node:crypto';
import { demoUsers, mobileClient, webClient } from '@oauth-ref/demo-config';
import { Browser, hiddenField } from './browser.js';
import { mobileDpopProof } from './mobile-dpop-key.js';

export const alice = demoUsers[0]!;
export const bob = demoUsers[1]!;

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function basicAuth(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

export const webAuth = basicAuth(webClient.clientId, webClient.clientSecret!);

export interface AuthorizeOptions {
  readonly clientId?: string;
  readonly redirectUri?: string;
  readonly scope?: string;
  readonly pkce?: { challenge: string; method?: string } | null;
  readonly extra?: Record<string, string>;
  readonly user?: { username: string; password: string };
  readonly consent?: 'allow' | 'deny';
  readonly browser?: Browser;
}

export interface AuthorizeResult {
  readonly browser: Browser;
  readonly callback: URL;
  readonly state: string;
  readonly nonce: string;
}

export function authorizationUrl(
  issuer: string,
  options: AuthorizeOptions & { state: string; nonce: string },
): string {
  const url = new URL('/auth', issuer);
  url.searchParams.set('client_id', options.clientId ?? mobileClient.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri ?? mobileClient.redirectUris[0]!);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', options.scope ?? 'openid profile email offline_access notes:read');
  url.searchParams.set('state', options.state);
  url.searchParams.set('nonce', options.nonce);
  if (options.pkce) {
    url.searchParams.set('code_challenge', options.pkce.challenge);
    url.searchParams.set('code_challenge_method', options.pkce.method ?? 'S256');
  }
  if (options.scope?.includes('offline_access') ?? true) url.searchParams.set('prompt', 'consent');
  for (const [key, value] of Object.entries(options.extra ?? {})) url.searchParams.set(key, value);
  return url.href;
}

/** Signs in through the login page and answers the consent page; returns the callback URL. */
export async function authorize(
  issuer: string,
  options: AuthorizeOptions = {},
): Promise<AuthorizeResult> {
  const browser = options.browser ?? new Browser(issuer);
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  let response = await browser.follow(
    await browser.get(authorizationUrl(issuer, { ...options, state, nonce })),
  );
  for (let step = 0; step < 4; step += 1) {
    const location = response.headers.get('location');
    if (location && !location.startsWith(issuer)) {
      return { browser, callback: new URL(location), state, nonce };
    }
    const page = await response.text();
    const action = /action="(\/interaction\/[^"/]+)\/(login|confirm)"/.exec(page);
    if (!action) throw new Error(`unexpected page (${response.status}): ${page.slice(0, 300)}`);
    const csrf = hiddenField(page, 'csrf');
    if (action[2] === 'login') {
      const user = options.user ?? alice;
      response = await browser.postForm(`${action[1]}/login`, {
        csrf,
        username: user.username,
        password: user.password,
      });
    } else if (options.consent === 'deny') {
      response = await browser.postForm(`${action[1]}/abort`, { csrf });
    } else {
      response = await browser.postForm(`${action[1]}/confirm`, { csrf });
    }
    response = await browser.follow(response);
  }
  throw new Error('flow did not reach the client');
}

export async function tokenRequest(
  issuer: string,
  form: Record<string, string>,
  authorization?: string,
  extraHeaders: Record<string, string> = {},
) {
  const url = new URL('/token', issuer);
  // The mobile client holds a DPoP key (its tokens must be bound); a test about DPoP itself passes
  // its own `dpop` header, or `dpop: ''` to send none.
  const proof =
    form['client_id'] === mobileClient.clientId && !('dpop' in extraHeaders)
      ? { dpop: await mobileDpopProof('POST', url.href) }
      : {};
  const { dpop, ...otherHeaders } = { ...proof, ...extraHeaders };
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(authorization ? { authorization } : {}),
      ...(dpop ? { dpop } : {}),
      ...otherHeaders,
    },
    body: new URLSearchParams(form).toString(),
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, headers: response.headers, body };
}

/** Mobile (public) client: full code + PKCE flow, returns the token response. */
export async function mobileTokens(issuer: string, options: AuthorizeOptions = {}) {
  const { verifier, challenge } = pkcePair();
  const result = await authorize(issuer, { pkce: { challenge }, ...options });
  const code = result.callback.searchParams.get('code');
  if (!code) throw new Error(`no code: ${result.callback.href}`);
  const tokens = await tokenRequest(issuer, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: options.redirectUri ?? mobileClient.redirectUris[0]!,
    client_id: mobileClient.clientId,
    code_verifier: verifier,
  });
  return { ...result, code, verifier, tokens };
}

/** Web (confidential) client: code flow without PKCE, code redeemed with client_secret_basic. */
export async function webTokens(issuer: string, options: AuthorizeOptions = {}) {
  const redirectUri = options.redirectUri ?? webClient.redirectUris[0]!;
  const result = await authorize(issuer, {
    clientId: webClient.clientId,
    redirectUri,
    pkce: null,
    ...options,
  });
  const tokens = await tokenRequest(
    issuer,
    {
      grant_type: 'authorization_code',
      code: result.callback.searchParams.get('code')!,
      redirect_uri: redirectUri,
    },
    webAuth,
  );
  return { ...result, tokens };
}
