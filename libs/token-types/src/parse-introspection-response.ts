/**
 * RFC 7662 §2.2 introspection response: `active` is REQUIRED and a JSON boolean. When it is `false`
 * the protected resource must treat the token as invalid and "SHOULD NOT" rely on anything else in
 * the response (§2.2, §4), so an inactive response is returned as exactly `{ active: false }`, with
 * every other member discarded. When `true`, the OPTIONAL members are checked: `scope` (§3.3),
 * `client_id`, `username`, `token_type`, `exp`, `iat`, `nbf` (NumericDate), `sub`, `aud`, `iss`,
 * `jti`.
 */
import { z } from 'zod';
import { audience, nonEmptyString, numericDate, scopeString } from './claim-schemas.js';
import { parseWithSchema } from './parse-with-schema.js';
import { TOKEN_TYPE_ERROR_CODES } from './token-type-validation-error.js';

const CODE = TOKEN_TYPE_ERROR_CODES.introspectionResponse;
const NOT_AN_OBJECT = 'RFC 7662 §2.2: an introspection response is a JSON object';
const ACTIVE_RULE = 'RFC 7662 §2.2: active is REQUIRED, a JSON boolean (not a string)';

const activeOnlySchema = z.looseObject(
  { active: z.boolean({ error: ACTIVE_RULE }) },
  { error: NOT_AN_OBJECT },
);

/**
 * RFC 7662 §2.2 response for an inactive token: nothing but `active: false` survives.
 *
 * @example
 * inactiveIntrospectionResponseSchema.parse({ active: false, sub: 'x' }); // { active: false }
 */
export const inactiveIntrospectionResponseSchema = z
  .object({ active: z.literal(false, { error: ACTIVE_RULE }) }, { error: NOT_AN_OBJECT })
  .transform(() => ({ active: false as const }));

/**
 * RFC 7662 §2.2 response for an active token.
 *
 * @example
 * activeIntrospectionResponseSchema.parse({ active: true, scope: 'notes:read' }).scope; // 'notes:read'
 */
export const activeIntrospectionResponseSchema = z.looseObject(
  {
    active: z.literal(true, { error: ACTIVE_RULE }),
    scope: scopeString(
      'RFC 7662 §2.2: scope, when present, is space-delimited scope-tokens (RFC 6749 §3.3)',
    ).optional(),
    client_id: nonEmptyString(
      'RFC 7662 §2.2: client_id, when present, is a non-empty string',
    ).optional(),
    username: nonEmptyString(
      'RFC 7662 §2.2: username, when present, is a non-empty string',
    ).optional(),
    token_type: nonEmptyString(
      'RFC 7662 §2.2: token_type, when present, is a non-empty string',
    ).optional(),
    exp: numericDate('RFC 7662 §2.2: exp, when present, is a NumericDate').optional(),
    iat: numericDate('RFC 7662 §2.2: iat, when present, is a NumericDate').optional(),
    nbf: numericDate('RFC 7662 §2.2: nbf, when present, is a NumericDate').optional(),
    sub: nonEmptyString('RFC 7662 §2.2: sub, when present, is a non-empty string').optional(),
    aud: audience(
      'RFC 7662 §2.2: aud, when present, is a non-empty string or array of non-empty strings',
    ).optional(),
    iss: nonEmptyString('RFC 7662 §2.2: iss, when present, is a non-empty string').optional(),
    jti: nonEmptyString('RFC 7662 §2.2: jti, when present, is a non-empty string').optional(),
  },
  { error: NOT_AN_OBJECT },
);

/**
 * Either form; narrow on `active`.
 *
 * @example
 * const response = introspectionResponseSchema.parse(body);
 * if (response.active) response.client_id;
 */
export const introspectionResponseSchema = z.union(
  [inactiveIntrospectionResponseSchema, activeIntrospectionResponseSchema],
  { error: ACTIVE_RULE },
);

/**
 * A validated response for an active token.
 *
 * @example
 * const active: ActiveIntrospectionResponse = { active: true, scope: 'notes:read' };
 */
export type ActiveIntrospectionResponse = z.output<typeof activeIntrospectionResponseSchema>;

/**
 * The only thing an inactive response says.
 *
 * @example
 * const inactive: InactiveIntrospectionResponse = { active: false };
 */
export type InactiveIntrospectionResponse = z.output<typeof inactiveIntrospectionResponseSchema>;

/**
 * Either form; narrow on `active`.
 *
 * @example
 * const response: IntrospectionResponse = parseIntrospectionResponse(body);
 * if (!response.active) throw new Error('token is not active');
 */
export type IntrospectionResponse = ActiveIntrospectionResponse | InactiveIntrospectionResponse;

/**
 * Validates an introspection endpoint's response body. An inactive token comes back as exactly
 * `{ active: false }`. Throws `TokenTypeValidationError` (`ERR_INTROSPECTION_RESPONSE_INVALID`).
 *
 * @example
 * const introspection = parseIntrospectionResponse(await response.json());
 * if (!introspection.active) throw new Unauthorized(); // nothing else to read
 * introspection.scope; // 'notes:read'
 */
export function parseIntrospectionResponse(input: unknown): IntrospectionResponse {
  const { active } = parseWithSchema(activeOnlySchema, input, CODE);
  return active
    ? parseWithSchema(activeIntrospectionResponseSchema, input, CODE)
    : Object.freeze({ active: false as const });
}
