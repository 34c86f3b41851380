/**
 * passport-jwt verifies with `jsonwebtoken` by default, synchronously, on the event loop. Our
 * strategy hands that step to jose instead, through passport-jwt's `JwtVerifier` hook:
 * - jose checks the signature with WebCrypto, which runs in libuv's thread pool, so RSA/ECDSA
 *   math never blocks the event loop (see the README's benchmark);
 * - it enforces the `algorithms` allowlist, `typ` (at+jwt), exact `iss`, `aud`, `exp`/`nbf` with
 *   the leeway and the RFC 9068 required claims in one audited place (the `generic-jwt` profile
 *   drops only the `typ` and `client_id`/`jti` requirements, see token-profile.ts).
 * Only calls made by OUR strategy (recognised by a key in its options) are taken over; any
 * other passport-jwt strategy in the process keeps jsonwebtoken.
 */
import type { KeyObject } from 'node:crypto';
import { jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { Strategy } from 'passport-jwt';
import { requiredClaims, type TokenProfile } from './token-profile.js';

/**
 * Marks the passport-jwt options of our strategy and carries the jose settings. A string key:
 * passport-jwt copies its options with a for-in loop, which skips symbols.
 */
export const JOSE_VERIFICATION = 'oauthRefJoseVerification';

export interface JoseVerificationSettings {
  readonly algorithms: readonly string[];
  readonly issuer: string;
  readonly audience: string;
  readonly clockToleranceSeconds: number;
  /** `rfc9068` (default): jose also requires `typ: at+jwt`. */
  readonly tokenProfile?: TokenProfile;
}

/** The RFC 9068 required claims (the default profile); see `requiredClaims` for the others. */
export const REQUIRED_CLAIMS = ['iss', 'sub', 'aud', 'client_id', 'iat', 'exp', 'jti'] as const;

type Verifier = (
  token: string,
  key: unknown,
  options: Record<PropertyKey, unknown>,
  callback: (error: unknown, payload?: JWTPayload) => void,
) => void;

let installed = false;

/**
 * Verifies one compact JWS access token with jose (RFC 7515, RFC 7519, RFC 9068 §4).
 *
 * @example
 * const payload = await verifyWithJose(token, key, { algorithms: ['RS256'], issuer, audience, clockToleranceSeconds: 30 });
 */
export async function verifyWithJose(
  token: string,
  key: KeyObject,
  settings: JoseVerificationSettings,
): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, key, joseOptionsFor(settings));
  return payload;
}

/** jose options per settings object, built once: settings are fixed for the strategy's life. */
const joseOptions = new WeakMap<JoseVerificationSettings, JWTVerifyOptions>();

function joseOptionsFor(settings: JoseVerificationSettings): JWTVerifyOptions {
  let options = joseOptions.get(settings);
  if (options === undefined) {
    const profile = settings.tokenProfile ?? 'rfc9068';
    options = Object.freeze({
      algorithms: [...settings.algorithms],
      issuer: settings.issuer,
      audience: settings.audience,
      // generic-jwt: the header check already allowed typ absent / JWT / at+jwt and nothing else
      ...(profile === 'rfc9068' ? { typ: 'at+jwt' } : {}),
      clockTolerance: settings.clockToleranceSeconds,
      requiredClaims: [...requiredClaims(profile)],
    });
    joseOptions.set(settings, options);
  }
  return options;
}

/**
 * Installs the jose verifier into passport-jwt, once per process (idempotent).
 *
 * @example
 * installJoseVerifier(); // then construct the strategy with JOSE_VERIFICATION in jsonWebTokenOptions
 */
export function installJoseVerifier(): void {
  if (installed) return;
  installed = true;
  const hook = Strategy as unknown as { JwtVerifier: Verifier };
  const original = hook.JwtVerifier;
  hook.JwtVerifier = (token, key, options, callback) => {
    const settings = options[JOSE_VERIFICATION] as JoseVerificationSettings | undefined;
    if (settings === undefined) {
      original(token, key, options, callback);
      return;
    }
    verifyWithJose(token, key as KeyObject, settings).then(
      (payload) => callback(null, payload),
      (error: unknown) => callback(error),
    );
  };
}
