/**
 * RFC 6749 §5.2 token error response: `error` REQUIRED, one ASCII code from %x20-21 / %x23-5B /
 * %x5D-7E (the six §5.2 codes, or an extension such as RFC 8628's `authorization_pending` or RFC
 * 9449's `use_dpop_nonce`); `error_description` OPTIONAL in the same characters; `error_uri`
 * OPTIONAL, an absolute URI in %x21 / %x23-5B / %x5D-7E.
 */
import { z } from 'zod';
import { errorCode, errorDescription, errorUri } from './claim-schemas.js';
import { parseWithSchema } from './parse-with-schema.js';
import { TOKEN_TYPE_ERROR_CODES } from './token-type-validation-error.js';

/**
 * The error codes RFC 6749 §5.2 defines (extensions are allowed too).
 *
 * @example
 * const code: TokenErrorCode = 'invalid_grant';
 */
export type TokenErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

/**
 * RFC 6749 §5.2 token error response.
 *
 * @example
 * tokenErrorResponseSchema.parse({ error: 'invalid_client' }).error; // 'invalid_client'
 */
export const tokenErrorResponseSchema = z.looseObject(
  {
    error: errorCode(
      'RFC 6749 §5.2: error is REQUIRED, a non-empty code in %x20-21 / %x23-5B / %x5D-7E',
    ).transform((value) => value as TokenErrorCode | (string & {})),
    error_description: errorDescription(
      'RFC 6749 §5.2: error_description, when present, uses only %x20-21 / %x23-5B / %x5D-7E',
    ).optional(),
    error_uri: errorUri(
      'RFC 6749 §5.2: error_uri, when present, is an absolute URI in %x21 / %x23-5B / %x5D-7E',
    ).optional(),
  },
  { error: 'RFC 6749 §5.2: a token error response is a JSON object' },
);

/**
 * A validated RFC 6749 §5.2 token error response.
 *
 * @example
 * const failure: TokenErrorResponse = parseTokenErrorResponse(body);
 */
export type TokenErrorResponse = z.output<typeof tokenErrorResponseSchema>;

/**
 * Validates a token endpoint's error body (already JSON-parsed). Throws `TokenTypeValidationError`
 * (`ERR_TOKEN_ERROR_RESPONSE_INVALID`).
 *
 * @example
 * const failure = parseTokenErrorResponse({ error: 'invalid_grant', error_description: 'Code reused' });
 * failure.error; // 'invalid_grant'
 */
export function parseTokenErrorResponse(input: unknown): TokenErrorResponse {
  return parseWithSchema(
    tokenErrorResponseSchema,
    input,
    TOKEN_TYPE_ERROR_CODES.tokenErrorResponse,
  );
}
