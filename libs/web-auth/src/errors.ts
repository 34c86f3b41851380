/**
 * Errors of the token lifecycle, each with a stable code. `describeAuthError` in
 * ../auth-error-map.ts maps them to what the user sees; nothing else switches on them.
 */
export type AuthErrorCode =
  | 'SESSION_EXPIRED'
  | 'REFRESH_REJECTED'
  | 'PROVIDER_UNAVAILABLE'
  | 'PROVIDER_ERROR'
  | 'REFRESH_LEASE_TIMEOUT';

export abstract class AuthError extends Error {
  abstract readonly code: AuthErrorCode;
}

/** No usable tokens any more: the user must sign in again. */
export class SessionExpiredError extends AuthError {
  readonly code = 'SESSION_EXPIRED';
  constructor(readonly reason: 'no-account' | 'no-refresh-token' | 'refresh-rejected') {
    super(`The session can no longer call the API (${reason}); sign in again`);
    this.name = 'SessionExpiredError';
  }
}

/** The token endpoint answered `invalid_grant` (refresh token expired, revoked or reused). */
export class RefreshRejectedError extends AuthError {
  readonly code = 'REFRESH_REJECTED';
  constructor(readonly oauthError: string) {
    super(`The authorization server rejected the refresh token (${oauthError})`);
    this.name = 'RefreshRejectedError';
  }
}

/** The provider could not be reached or answered 5xx. */
export class ProviderUnavailableError extends AuthError {
  readonly code = 'PROVIDER_UNAVAILABLE';
  constructor(readonly detail: string) {
    super(`The authorization server is unavailable: ${detail}`);
    this.name = 'ProviderUnavailableError';
  }
}

/** The provider answered with an OAuth error other than invalid_grant, or a malformed response. */
export class ProviderErrorResponse extends AuthError {
  readonly code = 'PROVIDER_ERROR';
  constructor(
    readonly oauthError: string,
    readonly status: number,
  ) {
    super(`The authorization server answered ${status} ${oauthError}`);
    this.name = 'ProviderErrorResponse';
  }
}

/** Another instance held the refresh lease for longer than we are willing to wait. */
export class RefreshLeaseTimeoutError extends AuthError {
  readonly code = 'REFRESH_LEASE_TIMEOUT';
  constructor() {
    super('Timed out waiting for another request to refresh the access token');
    this.name = 'RefreshLeaseTimeoutError';
  }
}
