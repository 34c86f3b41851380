/**
 * Every refusal of the bearer-auth lib is one of these classes, each with a stable `code`.
 * The codes never change meaning; `to-bearer-error-response.ts` is the ONE place that maps a
 * class to its OAuth error name, HTTP status and `WWW-Authenticate` challenge (RFC 6750 §3).
 */

/** Why a request was refused, as a stable machine-readable code. */
export type BearerAuthErrorCode =
  // no credentials at all (RFC 6750 §3.1: the challenge carries no error code)
  | 'credentials_missing'
  // RFC 6750 §3.1 invalid_request
  | 'credentials_duplicated'
  | 'token_in_query'
  | 'token_in_body'
  | 'authorization_header_malformed'
  // RFC 6750 §3.1 invalid_token
  | 'token_malformed'
  | 'algorithm_not_allowed'
  | 'type_not_access_token'
  | 'critical_header_unsupported'
  | 'key_id_missing'
  | 'key_unknown'
  | 'signature_invalid'
  | 'issuer_mismatch'
  | 'audience_mismatch'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'token_issued_in_future'
  | 'claim_missing'
  | 'claim_invalid'
  | 'token_invalid'
  // RFC 9449 §7.1: the token's sender constraint does not fit the scheme it came with
  | 'token_sender_constrained'
  | 'token_not_sender_constrained'
  | 'dpop_required'
  // RFC 9449 §7.1 invalid_dpop_proof
  | 'dpop_proof_missing'
  | 'dpop_proof_malformed'
  | 'dpop_proof_type'
  | 'dpop_algorithm_not_allowed'
  | 'dpop_key_invalid'
  | 'dpop_signature_invalid'
  | 'dpop_method_mismatch'
  | 'dpop_url_mismatch'
  | 'dpop_proof_stale'
  | 'dpop_proof_future'
  | 'dpop_token_hash_mismatch'
  | 'dpop_key_mismatch'
  | 'dpop_proof_replayed'
  // RFC 6750 §3.1 insufficient_scope
  | 'scope_insufficient'
  | 'principal_not_allowed'
  // the issuer's keys could not be fetched and none are cached
  | 'jwks_unavailable';

/** The authorization scheme a refusal answers in (RFC 6750 `Bearer`, RFC 9449 `DPoP`). */
export type AuthScheme = 'Bearer' | 'DPoP';

/** Base class: `code` is stable, `message` is safe to show (never contains the token). */
export abstract class BearerAuthError extends Error {
  abstract readonly kind:
    | 'missing'
    | 'invalid_request'
    | 'invalid_token'
    | 'invalid_dpop_proof'
    | 'insufficient_scope'
    | 'unavailable';

  /**
   * The scheme the request used, set by the pipeline once credentials were read: the challenge
   * of the answer names it (`undefined`: no credentials yet, every accepted scheme is offered).
   */
  scheme: AuthScheme | undefined;

  constructor(
    readonly code: BearerAuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request carried no bearer credentials (RFC 6750 §3.1: 401, challenge without error). */
export class MissingCredentialsError extends BearerAuthError {
  readonly kind = 'missing' as const;
  constructor() {
    super('credentials_missing', 'A bearer access token is required in the Authorization header');
  }
}

/** The request is malformed for RFC 6750 (two credentials, token in the query, bad header). */
export class InvalidRequestError extends BearerAuthError {
  readonly kind = 'invalid_request' as const;
}

/** The access token is expired, revoked, malformed, or invalid for another reason. */
export class InvalidTokenError extends BearerAuthError {
  readonly kind = 'invalid_token' as const;
}

/** RFC 9449 §7.1: the DPoP proof is missing, malformed, or does not fit the request or token. */
export class InvalidDpopProofError extends BearerAuthError {
  readonly kind = 'invalid_dpop_proof' as const;
}

/** The token is valid but does not carry what the resource requires. */
export class InsufficientScopeError extends BearerAuthError {
  readonly kind = 'insufficient_scope' as const;
  constructor(
    readonly requiredScopes: readonly string[],
    message = `This resource requires the scope: ${requiredScopes.join(' ')}`,
    code: 'scope_insufficient' | 'principal_not_allowed' = 'scope_insufficient',
  ) {
    super(code, message);
  }
}

/** The issuer's JWKS could not be fetched and no previously fetched keys are available. */
export class JwksUnavailableError extends BearerAuthError {
  readonly kind = 'unavailable' as const;
  constructor(message = 'The token issuer keys are temporarily unavailable') {
    super('jwks_unavailable', message);
  }
}

/** The options given to the module are invalid; thrown once, at startup. */
export class BearerAuthConfigError extends Error {
  constructor(message: string) {
    super(`BearerAuthModule: ${message}`);
    this.name = 'BearerAuthConfigError';
  }
}
