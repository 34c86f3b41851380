/**
 * OIDC Core §5.3 UserInfo, called from the server. The stored access token cannot be used: it was
 * issued for the notes API (RFC 8707 `resource`, its `aud`), and the provider rightly refuses it at
 * its own endpoint. So a refresh narrowed to the OIDC scopes, without `resource`, gets a short-lived
 * token for UserInfo only; it runs under the same lease as refreshes (it may rotate the refresh
 * token), and the token is used once and never stored.
 */
import { config } from '../config/config';
import { discoverProvider, refreshTokenGrant } from '@oauth-ref/web-auth';
import { parseChallenge } from '../notes/api-error';
import { getAccessTokenSource } from './access-tokens';

export type UserinfoResult =
  { ok: true; claims: Record<string, unknown> } | { ok: false; message: string };

const USERINFO_SCOPE = 'openid profile email';

export async function fetchUserinfo(accountId: string): Promise<UserinfoResult> {
  const metadata = await discoverProvider(config.issuer).catch(() => null);
  if (!metadata) {
    return {
      ok: false,
      message: 'The provider is not reachable, so its UserInfo endpoint could not be asked.',
    };
  }
  const endpoint = metadata.userinfo_endpoint;
  if (!endpoint) return { ok: false, message: 'The provider has no UserInfo endpoint.' };
  const tokens = await getAccessTokenSource();
  const userinfoToken = await tokens.useRefreshToken(accountId, async (refreshToken) => {
    const narrowed = await refreshTokenGrant({
      tokenEndpoint: metadata.token_endpoint,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      refreshToken,
      scope: USERINFO_SCOPE,
    });
    return {
      result: narrowed.accessToken,
      ...(narrowed.refreshToken !== undefined
        ? { rotatedRefreshToken: narrowed.refreshToken }
        : {}),
    };
  });
  try {
    const response = await fetch(endpoint, {
      headers: { authorization: `Bearer ${userinfoToken}`, accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) {
      const challenge = parseChallenge(response.headers.get('www-authenticate'));
      return {
        ok: false,
        message: `UserInfo answered ${response.status}${challenge.error ? ` ${challenge.error}` : ''}${
          challenge.error_description ? `: ${challenge.error_description}` : ''
        }.`,
      };
    }
    return { ok: true, claims: (await response.json()) as Record<string, unknown> };
  } catch {
    return { ok: false, message: 'The UserInfo request failed (the provider may be down).' };
  }
}
