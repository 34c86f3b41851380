/**
 * RFC 9449 §8 (authorization server) and §9 (resource server): a server may demand a nonce it
 * chose. It answers `use_dpop_nonce` (token endpoint: 400 JSON error; resource: 401 with a
 * `WWW-Authenticate: DPoP error="use_dpop_nonce"` challenge) and a `DPoP-Nonce` header. The
 * oauth4webapi DPoP handle remembers that nonce per origin; the request is then sent once more
 * with a fresh proof carrying it. Once: a server that asks again is refused, not looped on.
 */
import * as oauth from 'oauth4webapi';

/**
 * Runs `operation`; if it fails with a DPoP nonce demand and a DPoP handle is in use, runs it once
 * more (the handle now holds the nonce). Any other failure, or a second demand, is thrown.
 *
 * @example
 * const response = await retryOnceOnDpopNonce(settings.dpop, () =>
 *   oauth.refreshTokenGrantRequest(as, client, oauth.None(), rt, { DPoP: settings.dpop }).then((r) =>
 *     oauth.processRefreshTokenResponse(as, client, r)));
 */
export async function retryOnceOnDpopNonce<T>(
  dpop: oauth.DPoPHandle | undefined,
  operation: () => Promise<T>,
): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!dpop || !oauth.isDPoPNonceError(error)) throw error;
    return operation();
  }
}
