/**
 * The confidential client's access token source, assembled: single-flight refresh on the
 * next-auth Account row (`single-flight-refresh.ts`, `prisma-token-store.ts`), the RFC 6749 §6
 * refresh grant against the discovered token endpoint, and a flow step plus a security event per
 * outcome. One per process: create it once and share it.
 */
import type { PrismaClient } from '@oauth-ref/db';
import { describeTokenResponse } from './flow/describe-token-response.js';
import type { FlowRecorder } from './flow/flow-events.js';
import type { SecurityLog } from './next-auth/security-log.js';
import { discoverProvider } from './oauth/discover-provider.js';
import { refreshTokenGrant } from './oauth/refresh-token-grant.js';
import { createPrismaTokenStore } from './prisma-token-store.js';
import { type AccessTokenSource, createSingleFlightRefresh } from './single-flight-refresh.js';

/**
 * @example
 * const input: AccessTokenSourceInput = { prisma, issuer, clientId, clientSecret, resource: 'http://localhost:3333', flows, log };
 */
export interface AccessTokenSourceInput {
  readonly prisma: PrismaClient;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** RFC 8707: the API the refreshed access token is for. */
  readonly resource?: string | undefined;
  readonly flows: FlowRecorder;
  readonly log: SecurityLog;
  readonly fetch?: typeof fetch;
}

/**
 * @example
 * const tokens = createAccessTokenSource({ prisma, ...config, flows, log: logSecurityEvent });
 * const accessToken = await tokens.getAccessToken(accountId);
 */
export function createAccessTokenSource(input: AccessTokenSourceInput): AccessTokenSource {
  const { flows, log } = input;
  return createSingleFlightRefresh({
    store: createPrismaTokenStore(input.prisma),
    async refresh(refreshToken) {
      const metadata = await discoverProvider(input.issuer, input.fetch);
      return refreshTokenGrant(
        {
          tokenEndpoint: metadata.token_endpoint,
          clientId: input.clientId,
          clientSecret: input.clientSecret,
          refreshToken,
          ...(input.resource !== undefined ? { resource: input.resource } : {}),
        },
        input.fetch,
      );
    },
    async onRefreshed(account, tokens) {
      const rotated =
        tokens.refreshToken !== undefined && tokens.refreshToken !== account.refreshToken;
      await flows.record({
        userId: account.userId,
        flowId: 'refresh',
        step: 'refresh',
        detail: describeTokenResponse(
          {
            access_token: tokens.accessToken,
            refresh_token: tokens.refreshToken ?? null,
            id_token: tokens.idToken ?? null,
            token_type: tokens.tokenType ?? null,
            scope: tokens.scope ?? null,
            expires_at: tokens.expiresAt,
          },
          { refreshTokenRotated: rotated },
        ),
      });
      log('refresh.succeeded', { userId: account.userId, rotated });
    },
    async onRejected(account, error) {
      await flows.record({
        userId: account.userId,
        flowId: 'refresh',
        step: 'refresh_rejected',
        detail: { error: error.oauthError },
      });
      log('refresh.rejected', { userId: account.userId, error: error.oauthError });
    },
  });
}
