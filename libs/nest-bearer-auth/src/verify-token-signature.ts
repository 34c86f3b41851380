/**
 * Step 5 of the pipeline — RFC 7515 §5.2 signature, RFC 7519 §4.1 time claims, RFC 9068 §4:
 * jose verifies the signature with the key of step 4 and the `algorithms` allowlist, then
 * `typ` (at+jwt with the default profile), exact `iss`, `aud`, `exp`/`nbf`/`iat` with the
 * configured leeway and the required claims of the token profile. jose uses WebCrypto, whose
 * RSA/ECDSA work runs off the event loop.
 */
import type { KeyObject } from 'node:crypto';
import { jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { ResolvedBearerAuthOptions } from './bearer-auth-options.js';
import { requiredClaims } from './token-profile.js';

/** jose options per resolved options object, built once: options are frozen for the app's life. */
const joseOptions = new WeakMap<ResolvedBearerAuthOptions, JWTVerifyOptions>();

function joseOptionsFor(options: ResolvedBearerAuthOptions): JWTVerifyOptions {
  let built = joseOptions.get(options);
  if (built === undefined) {
    built = Object.freeze({
      algorithms: [...options.algorithms],
      issuer: options.issuer,
      audience: options.audience,
      // generic-jwt: the header step already allowed typ absent / JWT / at+jwt and nothing else
      ...(options.tokenProfile === 'rfc9068' ? { typ: 'at+jwt' } : {}),
      clockTolerance: options.clockToleranceSeconds,
      requiredClaims: [...requiredClaims(options.tokenProfile)],
    });
    joseOptions.set(options, built);
  }
  return built;
}

/**
 * Verifies the signature and the registered claims of `token`; returns its payload.
 *
 * @example
 * const claims = await verifyTokenSignature(token, await jwks.getKey(kid, alg), options);
 */
export async function verifyTokenSignature(
  token: string,
  key: KeyObject,
  options: ResolvedBearerAuthOptions,
): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, key, joseOptionsFor(options));
  return payload;
}
