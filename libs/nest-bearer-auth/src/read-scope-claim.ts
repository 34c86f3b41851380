/**
 * RFC 9068 §2.2.3: granted scopes are in `scope`, a space-delimited string (RFC 6749 §3.3).
 * Other providers use other claims: Entra ID `scp` (space-delimited string), Okta `scp` (array),
 * Auth0 RBAC `permissions` (array). Choose one with the `scopeClaim` option (or pass a reader as
 * `scopeReader`). A claim of the wrong shape refuses the token (`claim_invalid`); an absent one
 * grants nothing.
 */
import { parseScope } from '@oauth-ref/scopes';
import { InvalidTokenError } from './errors/bearer-auth-error.js';
import type { AccessTokenClaims } from './access-token-principal.js';

function readScopeString(claims: AccessTokenClaims, claim: string): readonly string[] {
  const value = claims[claim];
  if (value === undefined) return [];
  if (typeof value !== 'string') {
    throw new InvalidTokenError(
      'claim_invalid',
      `The ${claim} claim must be a space-delimited string`,
    );
  }
  try {
    return parseScope(value);
  } catch {
    throw new InvalidTokenError('claim_invalid', `The ${claim} claim is not valid scope syntax`);
  }
}

/** RFC 6749 §3.3 scope-token: 1*( %x21 / %x23-5B / %x5D-7E ). */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

function readScopeArray(
  claims: AccessTokenClaims,
  claim: string,
  allowString: boolean,
): readonly string[] {
  const value = claims[claim];
  if (value === undefined) return [];
  if (allowString && typeof value === 'string') return readScopeString(claims, claim);
  if (
    !Array.isArray(value) ||
    !value.every((item) => typeof item === 'string' && SCOPE_TOKEN.test(item))
  ) {
    throw new InvalidTokenError('claim_invalid', `The ${claim} claim must be an array of strings`);
  }
  return value as string[];
}

/**
 * The default reader: the RFC 9068 `scope` claim. An absent claim grants nothing.
 *
 * @example
 * readScopeClaim({ scope: 'openid notes:read' }); // ['openid', 'notes:read']
 */
export function readScopeClaim(claims: AccessTokenClaims): readonly string[] {
  return readScopeString(claims, 'scope');
}

/**
 * Adapter for providers that put scopes in `scp` (Entra ID: space-delimited string; Okta: array).
 *
 * @example
 * BearerAuthModule.forRoot({ issuer, audience, scopeReader: readScpClaim });
 * readScpClaim({ scp: ['notes:read'] }); // ['notes:read']
 */
export function readScpClaim(claims: AccessTokenClaims): readonly string[] {
  return readScopeArray(claims, 'scp', true);
}

/**
 * Adapter for Auth0 RBAC, which lists granted API permissions in a `permissions` array (only an
 * array: a string is refused).
 *
 * @example
 * BearerAuthModule.forRoot({ issuer, audience, scopeReader: readPermissionsClaim });
 * readPermissionsClaim({ permissions: ['notes:read'] }); // ['notes:read']
 */
export function readPermissionsClaim(claims: AccessTokenClaims): readonly string[] {
  return readScopeArray(claims, 'permissions', false);
}

export const SCOPE_CLAIMS = ['scope', 'scp', 'permissions'] as const;
export type ScopeClaim = (typeof SCOPE_CLAIMS)[number];

const READERS: Readonly<Record<ScopeClaim, (claims: AccessTokenClaims) => readonly string[]>> = {
  scope: readScopeClaim,
  scp: readScpClaim,
  permissions: readPermissionsClaim,
};

/**
 * The reader for a `scopeClaim` option value.
 *
 * @example
 * scopeReaderFor('scp')({ scp: ['notes:read'] }); // ['notes:read']
 */
export function scopeReaderFor(
  scopeClaim: ScopeClaim,
): (claims: AccessTokenClaims) => readonly string[] {
  return READERS[scopeClaim];
}
