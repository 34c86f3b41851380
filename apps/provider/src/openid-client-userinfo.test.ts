/**
 * OIDC Core §5.3 UserInfo for a standard relying party: panva's certified `openid-client` (v6)
 * signs in with the whole code flow (discovery, PKCE, state, nonce, ID token validation) and then
 * calls `fetchUserInfo` with the access token it received.
 *
 * The decision (README "UserInfo and the API token"): an access token issued for the notes API
 * (`resource=<API>`, `aud` = the API, RFC 8707 / RFC 9068) is NOT accepted at UserInfo; one token,
 * one audience. The refusal names the reason and the fix. A relying party gets a UserInfo token
 * by asking for one: an OIDC request without `resource` or API scopes, or (when it also calls the
 * API) a refresh narrowed to `scope=openid profile email`.
 */
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webClient } from '@oauth-ref/demo-config';
import { Browser, hiddenField } from './testing/browser.js';
import { alice } from './testing/oauth-flows.js';
import { startTestProvider, type TestProvider } from './testing/start-test-provider.js';

const API = 'http://localhost:3333';
/** The web client's default request (libs/demo-config + README): every scope it may hold, the API as resource. */
const DEFAULT_SCOPE = webClient.scope;

let provider: TestProvider;
let config: oidc.Configuration;

beforeAll(async () => {
  provider = await startTestProvider({ logLevel: 'warn' });
  config = await oidc.discovery(
    new URL(provider.issuer),
    webClient.clientId,
    undefined,
    oidc.ClientSecretBasic(webClient.clientSecret!),
    { execute: [oidc.allowInsecureRequests] },
  );
});
afterAll(async () => provider?.stop());

/** Follows the authorization URL through our login and consent pages back to the redirect URI. */
async function signIn(url: URL): Promise<URL> {
  const browser = new Browser(provider.issuer);
  let response = await browser.follow(await browser.get(url.href));
  for (let step = 0; step < 4; step += 1) {
    const location = response.headers.get('location');
    if (location && !location.startsWith(provider.issuer)) return new URL(location);
    const page = await response.text();
    const action = /action="(\/interaction\/[^"/]+)\/(login|confirm)"/.exec(page);
    if (!action) throw new Error(`unexpected page (${response.status}): ${page.slice(0, 300)}`);
    const csrf = hiddenField(page, 'csrf');
    const form: Record<string, string> =
      action[2] === 'login'
        ? { csrf, username: alice.username, password: alice.password }
        : { csrf };
    response = await browser.follow(await browser.postForm(`${action[1]}/${action[2]}`, form));
  }
  throw new Error('the flow did not come back to the client');
}

async function codeFlow(parameters: Record<string, string>) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: webClient.redirectUris[0]!,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...parameters,
  });
  const callback = await signIn(url);
  return oidc.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
}

function challengeOf(error: unknown): Record<string, string> {
  const challenges = (error as { cause?: { parameters?: Record<string, string> }[] }).cause;
  return challenges?.[0]?.parameters ?? {};
}

describe('UserInfo for a standard relying party (openid-client)', () => {
  it('refuses the API token at UserInfo with the reason and the fix, then serves a narrowed refresh token', async () => {
    const tokens = await codeFlow({ scope: DEFAULT_SCOPE, resource: API, prompt: 'consent' });
    const idClaims = tokens.claims()!;
    expect(idClaims.sub).toBe(alice.sub);
    expect(idClaims.email).toBe(alice.email);

    const refused = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(Error);
    expect((refused as { code?: string }).code).toBe('OAUTH_WWW_AUTHENTICATE_CHALLENGE');
    const challenge = challengeOf(refused);
    expect(challenge.error).toBe('invalid_token');
    expect(challenge.error_description).toContain(`audience-restricted to ${API}`);
    expect(challenge.error_description).toContain('scope=openid profile email');

    // What the description tells the client to do: a refresh narrowed to the OIDC scopes.
    const narrowed = await oidc.refreshTokenGrant(config, tokens.refresh_token!, {
      scope: 'openid profile email',
    });
    const userinfo = await oidc.fetchUserInfo(config, narrowed.access_token, idClaims.sub);
    expect(userinfo).toMatchObject({ sub: alice.sub, email: alice.email, name: alice.name });
  });

  it('serves UserInfo directly for a plain OIDC sign-in (no resource, no API scopes)', async () => {
    const tokens = await codeFlow({ scope: 'openid profile email' });
    const sub = tokens.claims()!.sub;
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, sub);
    expect(userinfo).toMatchObject({ sub: alice.sub, email: alice.email, email_verified: true });
  });
});
