/**
 * The process-wide access token source: single-flight refresh on the Account row, the refresh
 * grant against the discovered token endpoint, and a FlowEvent + security event per outcome.
 */
import type { PrismaClient } from '@oauth-ref/db';
import { config } from '../config/config';
import { getPrisma } from '../db/prisma';
import { discoverProvider } from '../auth/oidc/discover-provider';
import { refreshTokenGrant } from '../auth/oidc/refresh-token-grant';
import {
  createPrismaTokenStore,
  createSingleFlightRefresh,
  type AccessTokenSource,
} from '@oauth-ref/web-auth';
import { describeTokenResponse } from '../flow/describe-token-response';
import { createFlowEventStore } from '../flow/flow-event-store';
import { logSecurityEvent } from '../security/log-security-event';

const holder = globalThis as typeof globalThis & { __oauthRefWebTokens?: AccessTokenSource };

export async function getAccessTokenSource(): Promise<AccessTokenSource> {
  if (holder.__oauthRefWebTokens) return holder.__oauthRefWebTokens;
  const prisma = await getPrisma();
  holder.__oauthRefWebTokens ??= createSource(prisma);
  return holder.__oauthRefWebTokens;
}

function createSource(prisma: PrismaClient): AccessTokenSource {
  const flows = createFlowEventStore(prisma);
  return createSingleFlightRefresh({
    store: createPrismaTokenStore(prisma),
    async refresh(refreshToken) {
      const metadata = await discoverProvider(config.issuer);
      return refreshTokenGrant({
        tokenEndpoint: metadata.token_endpoint,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        refreshToken,
        resource: config.resource,
      });
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
      logSecurityEvent('refresh.succeeded', { userId: account.userId, rotated });
    },
    async onRejected(account, error) {
      await flows.record({
        userId: account.userId,
        flowId: 'refresh',
        step: 'refresh_rejected',
        detail: { error: error.oauthError },
      });
      logSecurityEvent('refresh.rejected', { userId: account.userId, error: error.oauthError });
    },
  });
}
