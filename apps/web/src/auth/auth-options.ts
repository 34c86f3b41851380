/**
 * The web app's next-auth options: `@oauth-ref/web-auth`'s, composed from the validated config,
 * the database, the FlowEvent store and the security log. Built per request, with the flow id of
 * the sign-in the request belongs to (if any).
 */
import type { PrismaClient } from '@oauth-ref/db';
import { createAuthOptions } from '@oauth-ref/web-auth';
import type { AuthOptions } from 'next-auth';
import type { WebConfig } from '../config/config';
import { createFlowEventStore } from '../flow/flow-event-store';
import { logSecurityEvent } from '../security/log-security-event';
import { webCookies } from './cookie-names';
import { oauthRefProvider } from './oauth-ref-provider';

/**
 * @example
 * const options = buildAuthOptions(config, prisma, 'RS256', flowIdFromState(state));
 * const handler = NextAuth(options);
 */
export function buildAuthOptions(
  config: WebConfig,
  prisma: PrismaClient,
  idTokenAlgorithm = 'RS256',
  flowId?: string,
): AuthOptions {
  return createAuthOptions({
    secret: config.nextAuthSecret,
    prisma,
    provider: oauthRefProvider(config, idTokenAlgorithm),
    cookies: webCookies(config.secureCookies),
    useSecureCookies: config.secureCookies,
    pages: { signIn: '/signin', error: '/auth/error', signOut: '/logout' },
    flows: createFlowEventStore(prisma),
    log: logSecurityEvent,
    ...(flowId !== undefined ? { flowId } : {}),
  });
}
