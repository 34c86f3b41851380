/**
 * What a verified access token says about the caller, in our own shape (RFC 9068 §2.2 claims).
 * Controllers receive this, never the raw token.
 */
import type { PrincipalKind } from './principal-kind.js';

/** The decoded claims of a JWT access token (only what was verified is trusted). */
export type AccessTokenClaims = Readonly<Record<string, unknown>>;

export interface AccessTokenPrincipal {
  /** `iss`: who issued the token. Ownership of data is keyed by (issuer, subject). */
  readonly issuer: string;
  /** `sub`: the end user, or the client itself for client-credentials tokens. */
  readonly subject: string;
  /**
   * The OAuth client the token was issued to: `client_id` (always present with the default
   * `rfc9068` profile), or with `generic-jwt` the first present of `clientIdClaims` (may be absent).
   */
  readonly clientId: string | undefined;
  /** Granted scopes (from `scope`, or the configured `scopeReader`). */
  readonly scopes: readonly string[];
  /** `user` for end-user tokens, `machine` for client-credentials tokens. */
  readonly kind: PrincipalKind;
  /** `jti` (always present with the default `rfc9068` profile; optional with `generic-jwt`). */
  readonly tokenId: string | undefined;
  /** `iat` and `exp`, in seconds since the epoch. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  /**
   * RFC 7638 thumbprint of the key whose DPoP proof came with the token (RFC 9449); `undefined`
   * for a bearer token. Set only after the proof passed every check.
   */
  readonly dpopKeyThumbprint?: string | undefined;
  /** All verified claims, for app-specific needs. */
  readonly claims: AccessTokenClaims;
}
