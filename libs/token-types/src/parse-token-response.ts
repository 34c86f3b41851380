/**
 * RFC 6749 §5.1 successful token response: `access_token` and `token_type` REQUIRED,
 * `expires_in` RECOMMENDED (seconds), `refresh_token` and `scope` OPTIONAL (`scope` per §3.3).
 * `token_type` is case-insensitive (§5.1, §7.1); this stack accepts `Bearer` (RFC 6750) and `DPoP`
 * (RFC 9449 §5) and returns them in their canonical spelling. `id_token` is the OIDC Core §3.1.3.3
 * addition. Unknown members are kept: §5.1 says the client MUST ignore unrecognised ones.
 */
import { z } from 'zod';
import { nonEmptyString, scopeString } from './claim-schemas.js';
import { parseWithSchema } from './parse-with-schema.js';
import { TOKEN_TYPE_ERROR_CODES } from './token-type-validation-error.js';

const TOKEN_TYPE_RULE =
  'RFC 6749 §5.1 / §7.1: token_type is REQUIRED; this stack accepts "Bearer" (RFC 6750) or "DPoP" (RFC 9449), compared case-insensitively';

/**
 * The token types this stack understands, in canonical spelling.
 *
 * @example
 * const type: AccessTokenType = parseTokenResponse(body).token_type; // 'Bearer' | 'DPoP'
 */
export type AccessTokenType = 'Bearer' | 'DPoP';

/**
 * `token_type`, case-insensitive on input, canonical on output.
 *
 * @example
 * tokenTypeSchema.parse('bearer'); // 'Bearer'
 */
export const tokenTypeSchema = z
  .string({ error: TOKEN_TYPE_RULE })
  .transform((value, context): AccessTokenType => {
    const lower = value.toLowerCase();
    if (lower === 'bearer') return 'Bearer';
    if (lower === 'dpop') return 'DPoP';
    context.addIssue({ code: 'custom', message: TOKEN_TYPE_RULE });
    return z.NEVER;
  });

/**
 * RFC 6749 §5.1 successful token response.
 *
 * @example
 * const result = tokenResponseSchema.safeParse(body);
 * if (result.success) result.data.access_token;
 */
export const tokenResponseSchema = z.looseObject(
  {
    access_token: nonEmptyString('RFC 6749 §5.1: access_token is REQUIRED, a non-empty string'),
    token_type: tokenTypeSchema,
    expires_in: z
      .number({ error: 'RFC 6749 §5.1: expires_in is the lifetime in seconds, a JSON number' })
      .int({ error: 'RFC 6749 §5.1: expires_in is a whole number of seconds' })
      .nonnegative({ error: 'RFC 6749 §5.1: expires_in cannot be negative' })
      .optional(),
    refresh_token: nonEmptyString(
      'RFC 6749 §5.1: refresh_token, when present, is a non-empty string',
    ).optional(),
    scope: scopeString(
      'RFC 6749 §5.1 / §3.3: scope, when present, is space-delimited scope-tokens (%x21 / %x23-5B / %x5D-7E)',
    ).optional(),
    id_token: nonEmptyString(
      'OIDC Core §3.1.3.3: id_token, when present, is a non-empty string (a JWT)',
    ).optional(),
  },
  { error: 'RFC 6749 §5.1: a token response is a JSON object' },
);

/**
 * A validated RFC 6749 §5.1 token response.
 *
 * @example
 * const tokens: TokenResponse = parseTokenResponse(body);
 */
export type TokenResponse = z.output<typeof tokenResponseSchema>;

/**
 * Validates a token endpoint's successful response body (already JSON-parsed). Throws
 * `TokenTypeValidationError` (`ERR_TOKEN_RESPONSE_INVALID`) naming the field and rule.
 *
 * @example
 * const tokens = parseTokenResponse(await response.json());
 * tokens.token_type; // 'Bearer' (even when the server sent 'bearer')
 * tokens.expires_in; // 300
 */
export function parseTokenResponse(input: unknown): TokenResponse {
  return parseWithSchema(tokenResponseSchema, input, TOKEN_TYPE_ERROR_CODES.tokenResponse);
}
