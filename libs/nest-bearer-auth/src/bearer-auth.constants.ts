/** DI tokens and metadata keys of the bearer-auth module. */
export const BEARER_AUTH_OPTIONS = Symbol('BEARER_AUTH_OPTIONS');
/** The passport strategy name; one name per process. */
export const BEARER_STRATEGY = 'oauth-bearer';
export const REQUIRED_SCOPES_KEY = 'oauth-ref:required-scopes';
export const REQUIRED_PRINCIPAL_KEY = 'oauth-ref:required-principal';
/** DI token of the configured verification pipeline (`AccessTokenVerifier`). */
export const ACCESS_TOKEN_VERIFIER = Symbol('ACCESS_TOKEN_VERIFIER');
