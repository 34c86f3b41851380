/**
 * RFC 7009 §2.1 token revocation. A confidential client authenticates with client_secret_basic
 * (RFC 6749 §2.3.1: id and secret form-urlencoded, joined with ":", base64); a public client has
 * no secret and identifies itself with `client_id` in the body (RFC 6749 §3.2.1). Any 2xx is
 * success (§2.2: also for a token that was already invalid); anything else throws.
 */

/**
 * What to revoke, and who asks.
 *
 * @example
 * const request: RevokeTokenRequest = { revocationEndpoint, token, tokenTypeHint: 'refresh_token', clientId: 'oauth-ref-mobile' };
 */
export interface RevokeTokenRequest {
  readonly revocationEndpoint: string;
  readonly token: string;
  readonly tokenTypeHint: 'refresh_token' | 'access_token';
  readonly clientId: string;
  /** Confidential clients only: sent as client_secret_basic. */
  readonly clientSecret?: string;
  readonly fetch?: typeof fetch;
  /** Default 5000 ms. */
  readonly timeoutMs?: number;
}

/**
 * The provider could not be reached or did not answer 2xx.
 *
 * @example
 * if (error instanceof RevocationError && error.status === null) console.warn('provider unreachable');
 */
export class RevocationError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'RevocationError';
  }
}

/**
 * The `Authorization` header of client_secret_basic (RFC 6749 §2.3.1): a secret containing ":"
 * or "%" survives because both parts are form-urlencoded first.
 *
 * @example
 * clientSecretBasic('oauth-ref-web', 's3cret'); // 'Basic b2F1dGgtcmVmLXdlYjpzM2NyZXQ='
 */
export function clientSecretBasic(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  // Both parts are ASCII after form-urlencoding, so btoa is exact (and works in browsers too).
  return `Basic ${btoa(`${encode(clientId)}:${encode(clientSecret)}`)}`;
}

/**
 * Revokes a token; resolves on 2xx, throws `RevocationError` otherwise.
 *
 * @example
 * await revokeToken({
 *   revocationEndpoint: 'http://localhost:4000/token/revocation',
 *   token: refreshToken,
 *   tokenTypeHint: 'refresh_token',
 *   clientId: 'oauth-ref-web',
 *   clientSecret: process.env.OAUTH_CLIENT_SECRET,
 * });
 */
export async function revokeToken(request: RevokeTokenRequest): Promise<void> {
  const body = new URLSearchParams({
    token: request.token,
    token_type_hint: request.tokenTypeHint,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (request.clientSecret === undefined) body.set('client_id', request.clientId);
  else headers.authorization = clientSecretBasic(request.clientId, request.clientSecret);
  let response: Response;
  try {
    response = await (request.fetch ?? fetch)(request.revocationEndpoint, {
      method: 'POST',
      headers,
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(request.timeoutMs ?? 5000),
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new RevocationError(`revocation request failed: ${detail}`, null);
  }
  if (!response.ok)
    throw new RevocationError(`revocation endpoint answered ${response.status}`, response.status);
}
