/**
 * OIDC Core §5.3 UserInfo, called from the server with the access token. Providers that bind
 * access tokens to a resource (RFC 8707) may refuse a token whose audience is the API; that is
 * reported, not hidden.
 */
import { config } from '../config/config';
import { discoverProvider } from '../auth/oidc/discover-provider';
import { parseChallenge } from '../notes/api-error';
import { getAccessTokenSource } from './access-tokens';

export type UserinfoResult =
  { ok: true; claims: Record<string, unknown> } | { ok: false; message: string };

export async function fetchUserinfo(accountId: string): Promise<UserinfoResult> {
  const metadata = await discoverProvider(config.issuer).catch(() => null);
  if (!metadata)
    return {
      ok: false,
      message: 'The provider is not reachable, so its UserInfo endpoint could not be asked.',
    };
  if (!metadata.userinfo_endpoint)
    return { ok: false, message: 'The provider has no UserInfo endpoint.' };
  const accessToken = await (await getAccessTokenSource()).getAccessToken(accountId);
  try {
    const response = await fetch(metadata.userinfo_endpoint, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) {
      const challenge = parseChallenge(response.headers.get('www-authenticate'));
      return {
        ok: false,
        message: `UserInfo answered ${response.status}${challenge.error ? ` ${challenge.error}` : ''}${
          challenge.error_description ? `: ${challenge.error_description}` : ''
        }. An access token issued for the notes API (its aud) is not necessarily accepted by the provider’s own endpoint.`,
      };
    }
    const claims = (await response.json()) as Record<string, unknown>;
    return { ok: true, claims };
  } catch {
    return { ok: false, message: 'The UserInfo request failed (the provider may be down).' };
  }
}
