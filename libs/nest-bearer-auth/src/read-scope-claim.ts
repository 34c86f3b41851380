/**
 * RFC 9068 §2.2.3: granted scopes are in `scope`, a space-delimited string (RFC 6749 §3.3).
 * Other providers use other claims; pass one of the adapters below as `scopeReader`.
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

function readScopeArray(claims: AccessTokenClaims, claim: string): readonly string[] {
  const value = claims[claim];
  if (value === undefined) return [];
  if (typeof value === 'string') return readScopeString(claims, claim);
  if (
    !Array.isArray(value) ||
    !value.every((item) => typeof item === 'string' && item.length > 0)
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
  return readScopeArray(claims, 'scp');
}

/**
 * Adapter for Auth0 RBAC, which lists granted API permissions in a `permissions` array.
 *
 * @example
 * BearerAuthModule.forRoot({ issuer, audience, scopeReader: readPermissionsClaim });
 * readPermissionsClaim({ permissions: ['notes:read'] }); // ['notes:read']
 */
export function readPermissionsClaim(claims: AccessTokenClaims): readonly string[] {
  return readScopeArray(claims, 'permissions');
}
