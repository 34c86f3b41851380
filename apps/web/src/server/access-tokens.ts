/**
 * The process-wide access token source (`@oauth-ref/web-auth`'s single-flight refresh, recorded
 * in the FlowEvent table and the security log), created once per process.
 */
import { type AccessTokenSource, createAccessTokenSource } from '@oauth-ref/web-auth';
import { config } from '../config/config';
import { getPrisma } from '../db/prisma';
import { createFlowEventStore } from '../flow/flow-event-store';
import { logSecurityEvent } from '../security/log-security-event';

const holder = globalThis as typeof globalThis & { __oauthRefWebTokens?: AccessTokenSource };

export async function getAccessTokenSource(): Promise<AccessTokenSource> {
  if (holder.__oauthRefWebTokens) return holder.__oauthRefWebTokens;
  const prisma = await getPrisma();
  holder.__oauthRefWebTokens ??= createAccessTokenSource({
    prisma,
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    resource: config.resource,
    flows: createFlowEventStore(prisma),
    log: logSecurityEvent,
  });
  return holder.__oauthRefWebTokens;
}
