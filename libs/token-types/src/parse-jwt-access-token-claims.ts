/**
 * RFC 9068 §2.2 JWT access token claims: `iss`, `exp`, `aud`, `sub`, `client_id`, `iat` and `jti`
 * are REQUIRED; `scope` (§2.2.3) is OPTIONAL and space-delimited per RFC 6749 §3.3; `auth_time`,
 * `acr` and `amr` (§2.2.1) are OPTIONAL. `aud` is a string or an array of strings (RFC 7519
 * §4.1.3). This checks shape only: signature, `iss` / `aud` values and time checks belong to the
 * verifier (with an algorithm allowlist, RFC 8725 §3.1), and `assertAccessTokenType` checks the
 * header. Unknown claims are kept.
 */
import { z } from 'zod';
import { audience, nonEmptyString, numericDate, scopeString } from './claim-schemas.js';
import { parseWithSchema } from './parse-with-schema.js';
import { TOKEN_TYPE_ERROR_CODES } from './token-type-validation-error.js';

/**
 * RFC 9068 §2.2 JWT access token claims.
 *
 * @example
 * jwtAccessTokenClaimsSchema.safeParse(payload).success; // false when client_id is missing
 */
export const jwtAccessTokenClaimsSchema = z.looseObject(
  {
    iss: nonEmptyString(
      'RFC 9068 §2.2: iss is REQUIRED, the issuer identifier (a non-empty string)',
    ),
    exp: numericDate('RFC 9068 §2.2: exp is REQUIRED, a NumericDate (seconds since the epoch)'),
    aud: audience(
      'RFC 9068 §2.2: aud is REQUIRED, a non-empty string or array of non-empty strings',
    ),
    sub: nonEmptyString('RFC 9068 §2.2: sub is REQUIRED, a non-empty string'),
    client_id: nonEmptyString('RFC 9068 §2.2: client_id is REQUIRED, a non-empty string'),
    iat: numericDate('RFC 9068 §2.2: iat is REQUIRED, a NumericDate (seconds since the epoch)'),
    jti: nonEmptyString('RFC 9068 §2.2: jti is REQUIRED, a non-empty string'),
    scope: scopeString(
      'RFC 9068 §2.2.3: scope, when present, is space-delimited scope-tokens (RFC 6749 §3.3)',
    ).optional(),
    auth_time: numericDate('RFC 9068 §2.2.1: auth_time, when present, is a NumericDate').optional(),
    acr: nonEmptyString('RFC 9068 §2.2.1: acr, when present, is a non-empty string').optional(),
    amr: z
      .array(nonEmptyString('RFC 9068 §2.2.1: amr, when present, is an array of strings'), {
        error: 'RFC 9068 §2.2.1: amr, when present, is an array of strings',
      })
      .optional(),
  },
  { error: 'RFC 9068 §2.2: the claims set is a JSON object' },
);

/**
 * Validated RFC 9068 JWT access token claims.
 *
 * @example
 * const claims: JwtAccessTokenClaims = parseJwtAccessTokenClaims(payload);
 * claims.scope; // 'openid notes:read' | undefined
 */
export type JwtAccessTokenClaims = z.output<typeof jwtAccessTokenClaimsSchema>;

/**
 * Validates the payload of a verified JWT access token. Throws `TokenTypeValidationError`
 * (`ERR_JWT_ACCESS_TOKEN_CLAIMS_INVALID`, `oauthError` `invalid_token`).
 *
 * @example
 * const { payload, protectedHeader } = await jwtVerify(token, jwks, {
 *   issuer: 'http://localhost:4000',
 *   audience: 'http://localhost:3333',
 *   algorithms: ['RS256', 'ES256', 'PS256'],
 * });
 * assertAccessTokenType(protectedHeader);
 * const claims = parseJwtAccessTokenClaims(payload);
 * claims.client_id; // 'oauth-ref-web'
 */
export function parseJwtAccessTokenClaims(input: unknown): JwtAccessTokenClaims {
  return parseWithSchema(
    jwtAccessTokenClaimsSchema,
    input,
    TOKEN_TYPE_ERROR_CODES.jwtAccessTokenClaims,
  );
}
