/** The `/me` view of a principal: never the token itself, only what it proved. */
import type { AccessTokenPrincipal } from '@oauth-ref/nest-bearer-auth';

export interface CallerView {
  readonly sub: string;
  /** Absent when the token names no client (possible only with OAUTH_TOKEN_PROFILE=generic-jwt). */
  readonly client_id: string | undefined;
  readonly iss: string;
  readonly kind: 'user' | 'machine';
  readonly scopes: readonly string[];
  readonly expires_at: string;
  readonly expires_in: number;
}

/** Describes the caller at `nowMs`. */
export function describeCaller(principal: AccessTokenPrincipal, nowMs: number): CallerView {
  return {
    sub: principal.subject,
    client_id: principal.clientId,
    iss: principal.issuer,
    kind: principal.kind,
    scopes: principal.scopes,
    expires_at: new Date(principal.expiresAt * 1000).toISOString(),
    expires_in: Math.max(0, principal.expiresAt - Math.floor(nowMs / 1000)),
  };
}
