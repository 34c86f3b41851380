/**
 * Turns what oauth4webapi throws while processing a token endpoint response into our stable codes:
 * an OAuth error body (RFC 6749 §5.2) becomes `token_request_failed` (or, for a refresh,
 * `refresh_token_rejected` on `invalid_grant`); a failed ID token claim comparison becomes the
 * matching `id_token_*` code (OIDC Core §3.1.3.7).
 */
import * as oauth from 'oauth4webapi';
import { isNetworkFailure } from './is-network-failure.js';
import { PkceClientError } from './pkce-client-error.js';

/**
 * Maps an error thrown by oauth4webapi's token endpoint helpers to a {@link PkceClientError}.
 *
 * @example
 * try { ... } catch (e) { throw mapTokenEndpointError(e, 'authorization_code'); }
 */
export function mapTokenEndpointError(
  error: unknown,
  grant: 'authorization_code' | 'refresh_token',
): PkceClientError {
  if (error instanceof PkceClientError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (isNetworkFailure(error)) {
    return new PkceClientError('provider_unreachable', message, { cause: error });
  }
  if (error instanceof oauth.ResponseBodyError) {
    const detail = `${error.status} ${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
    const code =
      grant === 'refresh_token' && error.error === 'invalid_grant'
        ? 'refresh_token_rejected'
        : 'token_request_failed';
    return new PkceClientError(code, detail, { cause: error });
  }
  if (error instanceof oauth.OperationProcessingError) {
    const claim = (error.cause as { claim?: unknown } | undefined)?.claim;
    if (error.code === oauth.JWT_CLAIM_COMPARISON) {
      if (claim === 'nonce')
        return new PkceClientError('id_token_nonce_mismatch', message, { cause: error });
      if (claim === 'iss')
        return new PkceClientError('id_token_issuer_mismatch', message, { cause: error });
      return new PkceClientError('id_token_audience_mismatch', message, { cause: error });
    }
    return new PkceClientError('id_token_invalid', message, { cause: error });
  }
  return new PkceClientError('token_request_failed', message, { cause: error });
}
