/**
 * RFC 6749 §4.1.2 / §4.1.2.1 authorization response, as tightened by RFC 9207 and RFC 9700:
 * - success: `code` REQUIRED; error: `error` REQUIRED (NQSCHAR), `error_description` / `error_uri`
 *   OPTIONAL; never both `code` and `error`.
 * - `state` is echoed exactly; when the client sent one it MUST match (§10.12, CSRF).
 * - `iss` (RFC 9207 §2) identifies the authorization server that answered; a client MUST compare it
 *   with the expected issuer by simple string comparison (§2.4) and MUST refuse a response without
 *   it when the server advertises `authorization_response_iss_parameter_supported` (§2.4).
 * - No parameter may appear twice (§3.1); query strings are accepted as `URLSearchParams`.
 */
import { z } from 'zod';
import { errorCode, errorDescription, errorUri, nonEmptyString } from './claim-schemas.js';
import { toParameterRecord } from './form-parameters.js';
import { parseWithSchema } from './parse-with-schema.js';
import { TOKEN_TYPE_ERROR_CODES, TokenTypeValidationError } from './token-type-validation-error.js';

const CODE = TOKEN_TYPE_ERROR_CODES.authorizationResponse;

const NOT_PARAMETERS =
  'RFC 6749 §4.1.2: an authorization response is a set of parameters (URLSearchParams or an object)';

const echoed = {
  state: nonEmptyString('RFC 6749 §4.1.2: state, when present, is a non-empty string').optional(),
  iss: nonEmptyString(
    'RFC 9207 §2: iss, when present, is the issuer identifier (a non-empty string)',
  ).optional(),
};

/**
 * RFC 6749 §4.1.2 successful authorization response (with RFC 9207 `iss`).
 *
 * @example
 * authorizationSuccessResponseSchema.parse({ code: 'c1', state: 's1' }).code; // 'c1'
 */
export const authorizationSuccessResponseSchema = z.looseObject(
  {
    code: nonEmptyString('RFC 6749 §4.1.2: code is REQUIRED, a non-empty string'),
    ...echoed,
    error: z
      .never({
        error: 'RFC 6749 §4.1.2: a response carries either code or error, not both',
      })
      .optional(),
  },
  { error: NOT_PARAMETERS },
);

/**
 * The error codes RFC 6749 §4.1.2.1 defines (OIDC and extensions add more).
 *
 * @example
 * const code: AuthorizationErrorCode = 'access_denied';
 */
export type AuthorizationErrorCode =
  | 'invalid_request'
  | 'unauthorized_client'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'server_error'
  | 'temporarily_unavailable';

/**
 * RFC 6749 §4.1.2.1 authorization error response (with RFC 9207 `iss`).
 *
 * @example
 * authorizationErrorResponseSchema.parse({ error: 'access_denied' }).error; // 'access_denied'
 */
export const authorizationErrorResponseSchema = z.looseObject(
  {
    error: errorCode(
      'RFC 6749 §4.1.2.1: error is REQUIRED, a non-empty code in %x20-21 / %x23-5B / %x5D-7E',
    ).transform((value) => value as AuthorizationErrorCode | (string & {})),
    error_description: errorDescription(
      'RFC 6749 §4.1.2.1: error_description, when present, uses only %x20-21 / %x23-5B / %x5D-7E',
    ).optional(),
    error_uri: errorUri(
      'RFC 6749 §4.1.2.1: error_uri, when present, is an absolute URI in %x21 / %x23-5B / %x5D-7E',
    ).optional(),
    ...echoed,
    code: z
      .never({
        error: 'RFC 6749 §4.1.2: a response carries either code or error, not both',
      })
      .optional(),
  },
  { error: NOT_PARAMETERS },
);

/**
 * Either kind of authorization response; tell them apart with `'error' in response`.
 *
 * @example
 * const response = authorizationResponseSchema.parse(Object.fromEntries(url.searchParams));
 */
export const authorizationResponseSchema = z.union(
  [authorizationSuccessResponseSchema, authorizationErrorResponseSchema],
  { error: 'RFC 6749 §4.1.2: an authorization response carries code or error' },
);

/**
 * A validated successful authorization response.
 *
 * @example
 * const success: AuthorizationSuccessResponse = { code: 'c1', state: 's1' };
 */
export type AuthorizationSuccessResponse = z.output<typeof authorizationSuccessResponseSchema>;

/**
 * A validated authorization error response.
 *
 * @example
 * const failure: AuthorizationErrorResponse = { error: 'access_denied' };
 */
export type AuthorizationErrorResponse = z.output<typeof authorizationErrorResponseSchema>;

/**
 * Either kind; narrow with `'error' in response`.
 *
 * @example
 * const response: AuthorizationResponse = parseAuthorizationResponse(params);
 * if ('error' in response) console.warn(response.error);
 */
export type AuthorizationResponse = AuthorizationSuccessResponse | AuthorizationErrorResponse;

/**
 * What the client knows from its own request and the server's metadata.
 *
 * @example
 * const expectations: AuthorizationResponseExpectations = {
 *   expectedState: session.state,
 *   expectedIssuer: metadata.issuer,
 *   issuerRequired: metadata.authorization_response_iss_parameter_supported === true,
 * };
 */
export interface AuthorizationResponseExpectations {
  /** The `state` the client sent (§10.12). When given, the response must echo it exactly. */
  readonly expectedState?: string;
  /** The issuer the client sent the user to (RFC 9207 §2.4). When given, `iss` must equal it. */
  readonly expectedIssuer?: string;
  /** Set from `authorization_response_iss_parameter_supported`: `iss` must then be present. */
  readonly issuerRequired?: boolean;
}

function fail(field: string, rule: string): never {
  throw new TokenTypeValidationError(CODE, field, rule);
}

/**
 * Validates the parameters of a redirect back from the authorization endpoint, success or error,
 * and (when told what to expect) checks `state` and `iss` exactly. Throws
 * `TokenTypeValidationError` (`ERR_AUTHORIZATION_RESPONSE_INVALID`).
 *
 * @example
 * const response = parseAuthorizationResponse(new URL(callbackUrl).searchParams, {
 *   expectedState: session.state,
 *   expectedIssuer: 'http://localhost:4000',
 *   issuerRequired: true,
 * });
 * if ('error' in response) throw new Error(response.error);
 * response.code; // exchange it at the token endpoint
 */
export function parseAuthorizationResponse(
  input: unknown,
  expectations: AuthorizationResponseExpectations = {},
): AuthorizationResponse {
  const record = toParameterRecord(input, CODE);
  const isError = typeof record === 'object' && record !== null && 'error' in record;
  const response: AuthorizationResponse = isError
    ? parseWithSchema(authorizationErrorResponseSchema, record, CODE)
    : parseWithSchema(authorizationSuccessResponseSchema, record, CODE);
  const { expectedState, expectedIssuer, issuerRequired } = expectations;
  if (expectedState !== undefined && response.state !== expectedState) {
    fail('state', 'RFC 6749 §10.12: state must equal the value the client sent (CSRF protection)');
  }
  if (response.iss === undefined) {
    if (issuerRequired) {
      fail(
        'iss',
        'RFC 9207 §2.4: iss is REQUIRED when the server supports authorization_response_iss_parameter',
      );
    }
  } else if (expectedIssuer !== undefined && response.iss !== expectedIssuer) {
    fail(
      'iss',
      'RFC 9207 §2.4: iss must equal the expected issuer exactly (simple string comparison; mix-up defence)',
    );
  }
  return response;
}
