/**
 * RFC 7009 §2.1 revocation request (an `application/x-www-form-urlencoded` body): `token` is
 * REQUIRED; `token_type_hint` is OPTIONAL, `access_token` or `refresh_token` or a registered
 * extension, and only a hint (the server searches other types when it does not match). Client
 * authentication parameters pass through untouched. No parameter may appear twice (RFC 6749 §3.2).
 */
import { z } from 'zod';
import { nonEmptyString } from './claim-schemas.js';
import { toParameterRecord } from './form-parameters.js';
import { parseWithSchema } from './parse-with-schema.js';
import { TOKEN_TYPE_ERROR_CODES } from './token-type-validation-error.js';

const CODE = TOKEN_TYPE_ERROR_CODES.revocationRequest;

/**
 * The hints RFC 7009 §2.1 defines (extensions may add more).
 *
 * @example
 * const hint: TokenTypeHint = 'refresh_token';
 */
export type TokenTypeHint = 'access_token' | 'refresh_token';

/**
 * RFC 7009 §2.1 revocation request parameters.
 *
 * @example
 * revocationRequestSchema.parse({ token: 't1' }).token; // 't1'
 */
export const revocationRequestSchema = z.looseObject(
  {
    token: nonEmptyString('RFC 7009 §2.1: token is REQUIRED, a non-empty string'),
    token_type_hint: nonEmptyString(
      'RFC 7009 §2.1: token_type_hint, when present, is a non-empty string (access_token, refresh_token, ...)',
    )
      .transform((value) => value as TokenTypeHint | (string & {}))
      .optional(),
  },
  { error: 'RFC 7009 §2.1: a revocation request is a set of form parameters' },
);

/**
 * A validated RFC 7009 revocation request.
 *
 * @example
 * const request: RevocationRequest = parseRevocationRequest(new URLSearchParams(body));
 */
export type RevocationRequest = z.output<typeof revocationRequestSchema>;

/**
 * Validates a revocation request body (`URLSearchParams` or a parsed object). Throws
 * `TokenTypeValidationError` (`ERR_REVOCATION_REQUEST_INVALID`, `oauthError` `invalid_request`).
 *
 * @example
 * const request = parseRevocationRequest(new URLSearchParams(await req.text()));
 * request.token_type_hint; // 'refresh_token' | 'access_token' | other | undefined
 */
export function parseRevocationRequest(input: unknown): RevocationRequest {
  return parseWithSchema(revocationRequestSchema, toParameterRecord(input, CODE), CODE);
}
