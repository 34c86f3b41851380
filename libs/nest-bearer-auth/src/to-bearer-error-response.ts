/**
 * THE one place where an error class becomes an HTTP response (RFC 6750 §3, RFC 9728 §5.1):
 * | class                     | status | WWW-Authenticate                                  |
 * | MissingCredentialsError   | 401    | Bearer resource_metadata="..." (no error code)     |
 * | InvalidRequestError       | 400    | Bearer error="invalid_request", ...                |
 * | InvalidTokenError         | 401    | Bearer error="invalid_token", ...                  |
 * | InsufficientScopeError    | 403    | Bearer error="insufficient_scope", scope="...", ... |
 * | JwksUnavailableError      | 503    | (none; Retry-After)                                 |
 * Every challenge names `resource_metadata` so a client can discover how to get a token.
 * The JSON body has `error`, `error_description` and our stable `code`.
 */
import { buildBearerChallenge } from '@oauth-ref/token-types';
import type { BearerAuthError } from './errors/bearer-auth-error.js';
import { InsufficientScopeError } from './errors/bearer-auth-error.js';

export interface BearerErrorResponse {
  readonly status: 400 | 401 | 403 | 503;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: {
    readonly error: string;
    readonly error_description: string;
    readonly code: string;
  };
}

/**
 * Maps a bearer-auth error to its status, headers and JSON body.
 *
 * @example
 * toBearerErrorResponse(new InvalidTokenError('token_expired', 'The access token expired'), {
 *   resourceMetadataUrl: 'http://localhost:3333/.well-known/oauth-protected-resource',
 * }).status; // 401
 */
export function toBearerErrorResponse(
  error: BearerAuthError,
  context: { resourceMetadataUrl: string; realm?: string },
): BearerErrorResponse {
  const base = { realm: context.realm, resourceMetadata: context.resourceMetadataUrl };
  const headers = (challenge: string): Record<string, string> => ({
    'WWW-Authenticate': challenge,
    'Cache-Control': 'no-store',
  });
  const body = (errorName: string) => ({
    error: errorName,
    error_description: error.message,
    code: error.code,
  });
  switch (error.kind) {
    case 'missing':
      return {
        status: 401,
        headers: headers(buildBearerChallenge(base)),
        body: body('unauthorized'),
      };
    case 'invalid_request':
      return {
        status: 400,
        headers: headers(
          buildBearerChallenge({
            ...base,
            error: 'invalid_request',
            errorDescription: error.message,
          }),
        ),
        body: body('invalid_request'),
      };
    case 'invalid_token':
      return {
        status: 401,
        headers: headers(
          buildBearerChallenge({
            ...base,
            error: 'invalid_token',
            errorDescription: error.message,
          }),
        ),
        body: body('invalid_token'),
      };
    case 'insufficient_scope': {
      const scope =
        error instanceof InsufficientScopeError ? error.requiredScopes.join(' ') : undefined;
      return {
        status: 403,
        headers: headers(
          buildBearerChallenge({
            ...base,
            error: 'insufficient_scope',
            errorDescription: error.message,
            ...(scope ? { scope: scope.split(' ') } : {}),
          }),
        ),
        body: body('insufficient_scope'),
      };
    }
    case 'unavailable':
      return {
        status: 503,
        headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' },
        body: body('temporarily_unavailable'),
      };
  }
}
