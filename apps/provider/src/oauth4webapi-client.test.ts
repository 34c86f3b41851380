/**
 * An independent, strict client library (panva's oauth4webapi) talks to the provider: discovery,
 * RFC 9207 iss check on the callback, code + PKCE with ID token validation (nonce), refresh,
 * client credentials, and RFC 9068 JWT access token validation as a resource server would do it.
 */
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineClient, mobileClient, webClient } from '@oauth-ref/demo-config';
import { startTestProvider, type TestProvider } from './testing/start-test-provider.js';
import { alice, authorize } from './testing/oauth-flows.js';
import { mobileDpopKeyPair, mobileDpopProof } from './testing/mobile-dpop-key.js';

let provider: TestProvider;
let as: oauth.AuthorizationServer;
const insecure = { [oauth.allowInsecureRequests]: true };

beforeAll(async () => {
  provider = await startTestProvider();
  const issuer = new URL(provider.issuer);
  as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { ...insecure, algorithm: 'oidc' }),
  );
});
afterAll(async () => provider?.stop());

async function resourceServerCheck(accessToken: string, tokenType = 'Bearer') {
  const url = 'http://localhost:3333/notes';
  const headers = new Headers({ authorization: `${tokenType} ${accessToken}` });
  if (tokenType === 'DPoP') headers.set('dpop', await mobileDpopProof('GET', url, accessToken));
  return oauth.validateJwtAccessToken(
    as,
    new Request(url, { headers }),
    'http://localhost:3333',
    insecure,
  );
}

describe('oauth4webapi against the provider', () => {
  it('completes code + PKCE for the public client, validates the ID token and the RFC 9068 access token, and refreshes', async () => {
    const client: oauth.Client = { client_id: mobileClient.clientId };
    // oauth-ref-mobile must hold a DPoP key (dpop_bound_access_tokens): every token request proves it.
    const DPoP = oauth.DPoP(client, await mobileDpopKeyPair());
    const verifier = oauth.generateRandomCodeVerifier();
    const challenge = await oauth.calculatePKCECodeChallenge(verifier);
    const { callback, state, nonce } = await authorize(provider.issuer, { pkce: { challenge } });
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      params,
      mobileClient.redirectUris[0]!,
      verifier,
      { ...insecure, DPoP },
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: nonce,
      requireIdToken: true,
    });
    expect(oauth.getValidatedIdTokenClaims(tokens)?.sub).toBe(alice.sub);
    expect(tokens.token_type).toBe('dpop');
    const claims = await resourceServerCheck(tokens.access_token, 'DPoP');
    expect(claims).toMatchObject({
      sub: alice.sub,
      client_id: mobileClient.clientId,
      scope: 'notes:read',
    });

    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, {
        ...insecure,
        DPoP,
      }),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    await expect(resourceServerCheck(refreshed.access_token, 'DPoP')).resolves.toMatchObject({
      sub: alice.sub,
    });
  });

  it('rejects a callback whose iss does not match (RFC 9207 mix-up defence works with this provider)', async () => {
    const client: oauth.Client = { client_id: mobileClient.clientId };
    const { callback, state } = await authorize(provider.issuer, {
      pkce: {
        challenge: await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier()),
      },
    });
    callback.searchParams.set('iss', 'https://attacker.example');
    expect(() => oauth.validateAuthResponse(as, client, callback, state)).toThrow();
  });

  it('gets a client-credentials JWT a resource server accepts, and the ID token is refused as an access token', async () => {
    const machine: oauth.Client = { client_id: machineClient.clientId };
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      machine,
      oauth.ClientSecretBasic(machineClient.clientSecret!),
      { scope: 'notes:stats' },
      insecure,
    );
    const tokens = await oauth.processClientCredentialsResponse(as, machine, response);
    await expect(resourceServerCheck(tokens.access_token)).resolves.toMatchObject({
      sub: machineClient.clientId,
      scope: 'notes:stats',
    });

    const web: oauth.Client = { client_id: webClient.clientId };
    const { callback, state, nonce } = await authorize(provider.issuer, {
      clientId: webClient.clientId,
      redirectUri: webClient.redirectUris[0]!,
      pkce: null,
    });
    const params = oauth.validateAuthResponse(as, web, callback, state);
    const codeResponse = await oauth.authorizationCodeGrantRequest(
      as,
      web,
      oauth.ClientSecretBasic(webClient.clientSecret!),
      params,
      webClient.redirectUris[0]!,
      oauth.nopkce,
      insecure,
    );
    const webTokens = await oauth.processAuthorizationCodeResponse(as, web, codeResponse, {
      expectedNonce: nonce,
    });
    await expect(resourceServerCheck(webTokens.id_token!)).rejects.toThrow();
  });
});
