/**
 * What went wrong calling the API, with a message a person can act on. The status and the
 * RFC 6750 `WWW-Authenticate` challenge decide the kind; the message never contains a token.
 */
import { splitAuthChallenges } from '@oauth-ref/token-types';

export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid_request'
  | 'rate_limited'
  | 'unavailable'
  | 'unexpected';

/** Set by notes-api when no HTTP answer came at all (refused connection, DNS, timeout). */
export const NETWORK_FAILURE = 'network_failure';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly oauthError: string | null,
    readonly description: string | null,
    readonly requiredScope: string | null = null,
    /** The API's stable machine-readable `code` (its JSON body), or NETWORK_FAILURE. */
    readonly code: string | null = null,
  ) {
    super(`API answered ${status}${oauthError ? ` ${oauthError}` : ''}`);
    this.name = 'ApiError';
  }

  /** A sentence for the page, naming the real cause where the API told us one. */
  get userMessage(): string {
    switch (this.kind) {
      case 'unauthorized':
        if (this.code === 'key_unknown')
          return `The API does not know the key this access token was signed with (${this.description ?? 'key_unknown'}): the provider's keys changed and the API could not load the new ones. Signing in again does not help until the API can fetch the provider's signing keys.`;
        return `The API refused the access token (${this.oauthError ?? 'invalid_token'}${this.description ? `: ${this.description}` : ''}). Signing in again gets a new one.`;
      case 'forbidden':
        return `The API says this token lacks a permission${this.requiredScope ? ` (needs scope "${this.requiredScope}")` : ''}. Sign in again and grant it on the consent page.`;
      case 'not_found':
        return 'That note does not exist (or belongs to someone else).';
      case 'invalid_request':
        return `The API rejected the input${this.description ? `: ${this.description}` : '.'}`;
      case 'rate_limited':
        return `The API is limiting requests (429 Too Many Requests)${this.retryHint}. Nothing was changed; try again then.`;
      case 'unavailable':
        if (this.code === NETWORK_FAILURE)
          return 'The notes API is not reachable right now (no answer on its URL). Check that it runs and try again.';
        if (this.code === 'jwks_unavailable')
          return `The notes API is running but cannot fetch the provider's signing keys (JWKS), so it cannot verify any access token (API answered ${this.status} ${this.oauthError ?? ''}, code jwks_unavailable). Check that the provider is running and that the API's OAUTH_ISSUER / OAUTH_JWKS_URI point at it.`;
        return `The notes API answered with a server error (${this.status}${this.oauthError ? ` ${this.oauthError}` : ''}${this.description ? `: ${this.description}` : ''}). Try again in a moment.`;
      default:
        return `The API answered with an unexpected status ${this.status}.`;
    }
  }

  private get retryHint(): string {
    return this.retryAfterSeconds === null ? '' : `; retry in ${this.retryAfterSeconds} s`;
  }

  /** From `Retry-After` (seconds), when the API sent one. */
  retryAfterSeconds: number | null = null;
}

/**
 * The auth-params of the `Bearer` challenge in a `WWW-Authenticate` header (RFC 6750 §3), read
 * with token-types' RFC 9110 tokenizer: other challenges in the same header (`DPoP algs=…`) are
 * not mixed in, and a malformed header reads as no challenge.
 *
 * @example
 * parseChallenge('Bearer error="insufficient_scope", scope="notes:write"').scope; // 'notes:write'
 */
export function parseChallenge(header: string | null): Record<string, string> {
  if (!header) return {};
  try {
    const bearer = splitAuthChallenges(header).find(
      (challenge) => challenge.scheme.toLowerCase() === 'bearer',
    );
    return bearer ? Object.fromEntries(bearer.params) : {};
  } catch {
    return {};
  }
}

/**
 * @example
 * const error = await apiErrorFromResponse(response); // ApiError { kind: 'forbidden', ... }
 */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const challenge = parseChallenge(response.headers.get('www-authenticate'));
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const text = (value: unknown) =>
    typeof value === 'string' && value.length > 0 ? value.slice(0, 300) : null;
  const oauthError = challenge.error ?? text(body.error);
  const description =
    challenge.error_description ?? text(body.error_description) ?? text(body.message);
  const { status } = response;
  const kind: ApiErrorKind =
    status === 401
      ? 'unauthorized'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not_found'
          : status === 400 || status === 415 || status === 422
            ? 'invalid_request'
            : status === 429
              ? 'rate_limited'
              : status >= 500
                ? 'unavailable'
                : 'unexpected';
  const code = typeof body.code === 'string' && /^[a-z_]{1,64}$/.test(body.code) ? body.code : null;
  const error = new ApiError(kind, status, oauthError, description, challenge.scope ?? null, code);
  const retryAfter = Number(response.headers.get('retry-after'));
  if (Number.isInteger(retryAfter) && retryAfter >= 0) error.retryAfterSeconds = retryAfter;
  return error;
}
