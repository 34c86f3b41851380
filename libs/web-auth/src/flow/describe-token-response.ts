/**
 * Turns a token response into what the inspector may keep: redacted tokens plus decoded claims.
 *
 * @example
 * describeTokenResponse({ access_token, id_token, refresh_token, token_type: 'bearer', expires_at: 1700000000 });
 */
import { decodeJwt } from './decode-jwt.js';
import type { TokenResponseDetail } from './flow-events.js';
import { redactToken } from './redact-token.js';

export interface TokenResponseLike {
  readonly access_token?: string | null;
  readonly refresh_token?: string | null;
  readonly id_token?: string | null;
  readonly token_type?: string | null;
  readonly scope?: string | null;
  readonly expires_at?: number | null;
}

export function describeTokenResponse(
  tokens: TokenResponseLike,
  extra: { refreshTokenRotated?: boolean } = {},
): TokenResponseDetail {
  return {
    tokenType: tokens.token_type ?? null,
    scope: tokens.scope ?? null,
    expiresAt: tokens.expires_at ?? null,
    redacted: {
      access_token: redactToken(tokens.access_token),
      refresh_token: redactToken(tokens.refresh_token),
      id_token: redactToken(tokens.id_token),
    },
    accessToken: decodeJwt(tokens.access_token),
    idToken: decodeJwt(tokens.id_token),
    ...extra,
  };
}
