/**
 * What went wrong calling the API, with a message a person can act on. The status and the
 * RFC 6750 `WWW-Authenticate` challenge decide the kind; the message never contains a token.
 */
export type ApiErrorKind =
  'unauthorized' | 'forbidden' | 'not_found' | 'invalid_request' | 'unavailable' | 'unexpected';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly oauthError: string | null,
    readonly description: string | null,
    readonly requiredScope: string | null = null,
  ) {
    super(`API answered ${status}${oauthError ? ` ${oauthError}` : ''}`);
    this.name = 'ApiError';
  }

  /** A sentence for the page. */
  get userMessage(): string {
    switch (this.kind) {
      case 'unauthorized':
        return `The API refused the access token (${this.oauthError ?? 'invalid_token'}${this.description ? `: ${this.description}` : ''}). Signing in again gets a new one.`;
      case 'forbidden':
        return `The API says this token lacks a permission${this.requiredScope ? ` (needs scope "${this.requiredScope}")` : ''}. Sign in again and grant it on the consent page.`;
      case 'not_found':
        return 'That note does not exist (or belongs to someone else).';
      case 'invalid_request':
        return `The API rejected the input${this.description ? `: ${this.description}` : '.'}`;
      case 'unavailable':
        return 'The notes API is not reachable right now. Check that it runs on its URL and try again.';
      default:
        return `The API answered with an unexpected status ${this.status}.`;
    }
  }
}

/**
 * Parses `Bearer realm="x", error="invalid_token", error_description="...", scope="a b"`.
 *
 * @example
 * parseChallenge('Bearer error="insufficient_scope", scope="notes:write"').scope; // 'notes:write'
 */
export function parseChallenge(header: string | null): Record<string, string> {
  if (!header || !/^bearer\b/i.test(header.trim())) return {};
  const params: Record<string, string> = {};
  for (const match of header.matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/gi)) {
    params[match[1]!.toLowerCase()] = match[2]!.replace(/\\(.)/g, '$1');
  }
  return params;
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
          : status === 400 || status === 422
            ? 'invalid_request'
            : status >= 500
              ? 'unavailable'
              : 'unexpected';
  return new ApiError(kind, status, oauthError, description, challenge.scope ?? null);
}
