/**
 * One authorization attempt = one fresh PKCE verifier (RFC 7636 §4.1, from the platform CSPRNG via
 * oauth4webapi), its S256 challenge (§4.2), one fresh `state` (RFC 6749 §10.12, CSRF) and one fresh
 * `nonce` (OIDC Core §3.1.2.1, ID token replay). Nothing is reused between attempts.
 */
import * as oauth from 'oauth4webapi';
import { assertCodeVerifier } from './check-code-verifier.js';
import type { PkceClientSettings } from './settings.js';

/** Everything the client must remember between sending the user away and the callback. */
export interface AuthorizationAttempt {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly resource: string | undefined;
  readonly codeVerifier: string;
  readonly codeChallenge: string;
  readonly codeChallengeMethod: 'S256';
  readonly state: string;
  readonly nonce: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/** Random sources, injectable so tests can pin them; defaults are oauth4webapi's CSPRNG helpers. */
export interface AttemptRandomness {
  readonly codeVerifier: () => string;
  readonly state: () => string;
  readonly nonce: () => string;
}

const cryptoRandomness: AttemptRandomness = {
  codeVerifier: oauth.generateRandomCodeVerifier,
  state: oauth.generateRandomState,
  nonce: oauth.generateRandomNonce,
};

/**
 * Creates a fresh attempt: new verifier, S256 challenge, state and nonce.
 *
 * @example
 * const attempt = await createAuthorizationAttempt(settings);
 * attempt.codeChallengeMethod; // 'S256'
 * attempt.codeVerifier.length; // 43
 */
export async function createAuthorizationAttempt(
  settings: PkceClientSettings,
  options: { now?: () => number; randomness?: AttemptRandomness } = {},
): Promise<AuthorizationAttempt> {
  const randomness = options.randomness ?? cryptoRandomness;
  const codeVerifier = randomness.codeVerifier();
  assertCodeVerifier(codeVerifier);
  return Object.freeze({
    issuer: settings.issuer,
    clientId: settings.clientId,
    redirectUri: settings.redirectUri,
    scope: settings.scope,
    resource: settings.resource,
    codeVerifier,
    codeChallenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    codeChallengeMethod: 'S256',
    state: randomness.state(),
    nonce: randomness.nonce(),
    createdAt: (options.now ?? Date.now)(),
  });
}
