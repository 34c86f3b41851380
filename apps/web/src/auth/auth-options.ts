/**
 * next-auth options: database sessions through the Prisma adapter, the `web.`-prefixed cookies,
 * same-origin callbackUrl only, and a session callback that returns display data only (no token
 * ever leaves the server through `/api/auth/session`).
 */
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { PrismaClient } from '@oauth-ref/db';
import type { AuthOptions } from 'next-auth';
import type { Adapter, AdapterAccount } from 'next-auth/adapters';
import type { WebConfig } from '../config/config';
import { describeTokenResponse } from '../flow/describe-token-response';
import { flowContext } from '../flow/flow-context';
import { createFlowEventStore } from '../flow/flow-event-store';
import { logSecurityEvent, scrub } from '../security/log-security-event';
import { buildCookieOptions } from './cookie-names';
import { oauthRefProvider, PROVIDER_ID } from './oauth-ref-provider';
import { pickAccountFields, pickTokenColumns } from './pick-account-fields';
import { safeRedirect } from './safe-redirect';

/** How long a web session lives without activity (the provider's refresh token may live longer). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function describeError(metadata: unknown): string {
  const record = (metadata ?? {}) as { error?: unknown; message?: unknown };
  const error = record.error ?? metadata;
  if (error instanceof Error) return error.message;
  if (typeof record.message === 'string') return record.message;
  return String(error);
}

/**
 * @example
 * const options = buildAuthOptions(config, prisma, 'RS256');
 * const handler = NextAuth(options);
 */
export function buildAuthOptions(
  config: WebConfig,
  prisma: PrismaClient,
  idTokenAlgorithm = 'RS256',
): AuthOptions {
  const base = PrismaAdapter(prisma as never) as Adapter;
  const flows = createFlowEventStore(prisma);
  const adapter: Adapter = {
    ...base,
    linkAccount: (account: AdapterAccount) =>
      base.linkAccount(pickAccountFields(account) as AdapterAccount),
  };
  return {
    secret: config.nextAuthSecret,
    adapter,
    providers: [oauthRefProvider(config, idTokenAlgorithm)],
    session: { strategy: 'database', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
    useSecureCookies: config.secureCookies,
    cookies: buildCookieOptions(config.secureCookies),
    pages: { signIn: '/signin', error: '/auth/error', signOut: '/logout' },
    callbacks: {
      async session({ session, user }) {
        // Display data only. The user's id, the tokens and the account stay on the server.
        return {
          expires: session.expires,
          user: { name: user.name ?? null, email: user.email ?? null },
        };
      },
      async redirect({ url, baseUrl }) {
        const result = safeRedirect(url, baseUrl);
        if (result.blocked) logSecurityEvent('redirect.blocked', { target: url.slice(0, 200) });
        return result.url;
      },
    },
    events: {
      async signIn({ user, account }) {
        if (!account || account.provider !== PROVIDER_ID) return;
        // next-auth v4 writes tokens only when it first links an account: refresh them on every sign-in.
        await prisma.account.updateMany({
          where: { provider: PROVIDER_ID, providerAccountId: account.providerAccountId },
          data: { ...pickTokenColumns(account), refreshLeaseId: null, refreshLeaseUntil: null },
        });
        const context = flowContext.getStore();
        if (context) context.userId = user.id;
        await flows.record({
          userId: user.id,
          flowId: context?.flowId ?? 'signin-unknown',
          step: 'token_response',
          detail: describeTokenResponse(account),
        });
        logSecurityEvent('signin.succeeded', { userId: user.id, scope: account.scope ?? null });
      },
    },
    logger: {
      error(code, metadata) {
        const context = flowContext.getStore() as ({ lastError?: string } & object) | undefined;
        const reason = describeError(metadata);
        if (context) context.lastError = reason;
        logSecurityEvent('signin.failed', { nextAuthError: code, reason: scrub(reason) });
      },
      warn(code) {
        if (code !== 'DEBUG_ENABLED')
          console.warn(JSON.stringify({ app: 'web', kind: 'next-auth', warning: code }));
      },
      debug() {
        // Debug output of next-auth includes tokens; never enabled.
      },
    },
    debug: false,
  };
}
