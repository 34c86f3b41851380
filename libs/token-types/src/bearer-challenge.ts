/**
 * RFC 6750 §3 `WWW-Authenticate: Bearer` challenge, the shapes shared by `buildBearerChallenge`
 * and `parseBearerChallenge`. Attribute values use only %x20-21 / %x23-5B / %x5D-7E
 * (`error`, `error_description`), %x21 / %x23-5B / %x5D-7E (`error_uri`) or scope-token syntax
 * (`scope`); RFC 9728 §5.1 adds `resource_metadata`, the URL of the protected resource metadata.
 */

/**
 * The error codes RFC 6750 §3.1 defines, with their HTTP statuses (400, 401, 403).
 *
 * @example
 * const code: BearerErrorCode = 'insufficient_scope';
 */
export type BearerErrorCode = 'invalid_request' | 'invalid_token' | 'insufficient_scope';

/**
 * RFC 6750 §3.1: the status to send with each error code.
 *
 * @example
 * reply.status(BEARER_ERROR_STATUS.insufficient_scope); // 403
 */
export const BEARER_ERROR_STATUS: Readonly<Record<BearerErrorCode, 400 | 401 | 403>> =
  Object.freeze({ invalid_request: 400, invalid_token: 401, insufficient_scope: 403 });

/**
 * What `buildBearerChallenge` takes.
 *
 * @example
 * const options: BearerChallengeOptions = { error: 'invalid_token', errorDescription: 'Token expired' };
 */
export interface BearerChallengeOptions {
  /** RFC 6750 §3 / RFC 9110 §11.5: the protection space; sent as a quoted-string. */
  readonly realm?: string;
  /** RFC 6750 §3.1. Leave it out when the request carried no credentials at all. */
  readonly error?: BearerErrorCode;
  /** RFC 6750 §3: human-readable, %x20-21 / %x23-5B / %x5D-7E only. Requires `error`. */
  readonly errorDescription?: string;
  /** RFC 6750 §3: an absolute URI, %x21 / %x23-5B / %x5D-7E only. Requires `error`. */
  readonly errorUri?: string;
  /** RFC 6750 §3: the scope needed (a scope string or tokens), typically with `insufficient_scope`. */
  readonly scope?: string | Iterable<string>;
  /** RFC 9728 §5.1: the URL of this resource's protected resource metadata. */
  readonly resourceMetadata?: string;
}

/**
 * A parsed Bearer challenge. Known attributes are lifted out; `params` holds every attribute.
 *
 * @example
 * const challenge: BearerChallenge = parseBearerChallenge('Bearer error="invalid_token"');
 * challenge.error; // 'invalid_token'
 */
export interface BearerChallenge {
  readonly scheme: 'Bearer';
  readonly realm?: string;
  /** One of RFC 6750 §3.1's codes, or an extension (e.g. RFC 9470 `insufficient_user_authentication`). */
  readonly error?: BearerErrorCode | (string & {});
  readonly errorDescription?: string;
  readonly errorUri?: string;
  readonly scope?: string;
  readonly resourceMetadata?: string;
  /** Every auth-param of the challenge, names lower-cased (RFC 9110 §11.2), values unescaped. */
  readonly params: Readonly<Record<string, string>>;
}
