/**
 * OpenID Connect Core 1.0 §2 ID token claims: `iss`, `sub`, `aud`, `exp` and `iat` are REQUIRED;
 * `sub` is at most 255 ASCII characters; `aud` is a string or an array of strings; `auth_time`,
 * `nonce`, `acr`, `amr`, `azp` OPTIONAL (plus `at_hash` / `c_hash` §3.1.3.6 / §3.3.2.11 and `sid`
 * from Front-/Back-Channel Logout). Shape only: the signature, `iss` / `aud` / `nonce` values and
 * time checks belong to the verifier (OIDC Core §3.1.3.7). Unknown claims are kept.
 */
import { z } from 'zod';
import { audience, nonEmptyString, numericDate } from './claim-schemas.js';
import { parseWithSchema } from './parse-with-schema.js';
import { TOKEN_TYPE_ERROR_CODES } from './token-type-validation-error.js';

const SUB_RULE =
  'OIDC Core §2: sub is REQUIRED, a non-empty string of at most 255 ASCII characters';

/**
 * OIDC Core §2 ID token claims.
 *
 * @example
 * idTokenClaimsSchema.safeParse({ iss, sub, aud, exp, iat }).success; // true
 */
export const idTokenClaimsSchema = z.looseObject(
  {
    iss: nonEmptyString(
      'OIDC Core §2: iss is REQUIRED, the issuer identifier (a non-empty string)',
    ),
    sub: nonEmptyString(SUB_RULE)
      .max(255, { error: SUB_RULE })
      .refine((value) => [...value].every((character) => character.charCodeAt(0) <= 0x7f), {
        error: SUB_RULE,
      }),
    aud: audience(
      'OIDC Core §2: aud is REQUIRED, a non-empty string or array of non-empty strings',
    ),
    exp: numericDate('OIDC Core §2: exp is REQUIRED, a NumericDate (seconds since the epoch)'),
    iat: numericDate('OIDC Core §2: iat is REQUIRED, a NumericDate (seconds since the epoch)'),
    auth_time: numericDate('OIDC Core §2: auth_time, when present, is a NumericDate').optional(),
    nonce: nonEmptyString('OIDC Core §2: nonce, when present, is a non-empty string').optional(),
    acr: nonEmptyString('OIDC Core §2: acr, when present, is a non-empty string').optional(),
    amr: z
      .array(nonEmptyString('OIDC Core §2: amr, when present, is an array of strings'), {
        error: 'OIDC Core §2: amr, when present, is an array of strings',
      })
      .optional(),
    azp: nonEmptyString(
      'OIDC Core §2: azp, when present, is the client_id it was issued to',
    ).optional(),
    at_hash: nonEmptyString(
      'OIDC Core §3.1.3.6: at_hash, when present, is a non-empty string',
    ).optional(),
    c_hash: nonEmptyString(
      'OIDC Core §3.3.2.11: c_hash, when present, is a non-empty string',
    ).optional(),
    sid: nonEmptyString(
      'OIDC Back-Channel Logout §2.1: sid, when present, is a non-empty string',
    ).optional(),
  },
  { error: 'OIDC Core §2: the ID token claims set is a JSON object' },
);

/**
 * Validated OIDC Core §2 ID token claims.
 *
 * @example
 * const claims: IdTokenClaims = parseIdTokenClaims(payload);
 * claims.nonce; // compare with the nonce stored for this sign-in
 */
export type IdTokenClaims = z.output<typeof idTokenClaimsSchema>;

/**
 * Validates the payload of a verified ID token. Throws `TokenTypeValidationError`
 * (`ERR_ID_TOKEN_CLAIMS_INVALID`).
 *
 * @example
 * const claims = parseIdTokenClaims(payload);
 * if (claims.nonce !== session.nonce) throw new Error('nonce mismatch');
 */
export function parseIdTokenClaims(input: unknown): IdTokenClaims {
  return parseWithSchema(idTokenClaimsSchema, input, TOKEN_TYPE_ERROR_CODES.idTokenClaims);
}
