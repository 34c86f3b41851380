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
  /** `client_id`: the OAuth client the token was issued to. */
  readonly clientId: string;
  /** Granted scopes (from `scope`, or the configured `scopeReader`). */
  readonly scopes: readonly string[];
  /** `user` for end-user tokens, `machine` for client-credentials tokens. */
  readonly kind: PrincipalKind;
  /** `jti`. */
  readonly tokenId: string;
  /** `iat` and `exp`, in seconds since the epoch. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** All verified claims, for app-specific needs. */
  readonly claims: AccessTokenClaims;
}
