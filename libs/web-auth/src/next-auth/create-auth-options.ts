/**
 * next-auth options for a confidential OIDC client: database sessions through the Prisma adapter
 * (only the Account model's columns are written), the app's prefixed cookies, same-origin
 * callbackUrl only, and a session callback that returns display data only (no token ever leaves
 * the server through `/api/auth/session`).
 *
 * Built per request with that request's `flowId` passed in explicitly: a successful callback's
 * signIn event records the token response under it and claims the flow's anonymous steps for the
 * user, so nothing has to travel back to the route handler.
 */
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { PrismaClient } from '@oauth-ref/db';
import type { AuthOptions, CookiesOptions } from 'next-auth';
import type { Adapter, AdapterAccount } from 'next-auth/adapters';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { describeTokenResponse } from '../flow/describe-token-response.js';
import type { FlowRecorder } from '../flow/flow-events.js';
import { pickAccountFields, pickTokenColumns } from './account-columns.js';
import { describeNextAuthError } from './describe-next-auth-error.js';
import type { OidcProfile } from './oidc-provider.js';
import { safeRedirect } from './safe-redirect.js';
import type { SecurityLog } from './security-log.js';

/** How long a web session lives without activity (the provider's refresh token may live longer). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * What the options are built from.
 *
 * @example
 * const input: AuthOptionsInput = { secret, prisma, provider, cookies, useSecureCookies: false, pages, flows, log, flowId };
 */
export interface AuthOptionsInput {
  readonly secret: string;
  readonly prisma: PrismaClient;
  /** From `oidcProvider`. */
  readonly provider: OAuthConfig<OidcProfile>;
  /** From `buildCookieOptions`. */
  readonly cookies: CookiesOptions;
  readonly useSecureCookies: boolean;
  readonly pages: NonNullable<AuthOptions['pages']>;
  readonly flows: FlowRecorder;
  readonly log: SecurityLog;
  /** The sign-in this request belongs to (`flowIdFromState`); absent outside a callback. */
  readonly flowId?: string;
}

/**
 * @example
 * const options = createAuthOptions({ ...input, flowId: flowIdFromState(query.state) });
 * return NextAuth(options)(request, context);
 */
export function createAuthOptions(input: AuthOptionsInput): AuthOptions {
  const { prisma, provider, flows, log, flowId } = input;
  const base = PrismaAdapter(prisma as never) as Adapter;
  const adapter: Adapter = {
    ...base,
    linkAccount: (account: AdapterAccount) =>
      base.linkAccount(pickAccountFields(account) as AdapterAccount),
  };
  return {
    secret: input.secret,
    adapter,
    providers: [provider],
    session: { strategy: 'database', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
    useSecureCookies: input.useSecureCookies,
    cookies: input.cookies,
    pages: input.pages,
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
        if (result.blocked) log('redirect.blocked', { target: url.slice(0, 200) });
        return result.url;
      },
    },
    events: {
      async signIn({ user, account }) {
        if (!account || account.provider !== provider.id) return;
        // next-auth v4 writes tokens only when it first links an account: refresh them on every sign-in.
        await prisma.account.updateMany({
          where: { provider: provider.id, providerAccountId: account.providerAccountId },
          data: { ...pickTokenColumns(account), refreshLeaseId: null, refreshLeaseUntil: null },
        });
        await flows.record({
          userId: user.id,
          flowId: flowId ?? 'signin-unknown',
          step: 'token_response',
          detail: describeTokenResponse(account),
        });
        if (flowId !== undefined) await flows.claim(flowId, user.id);
        log('signin.succeeded', { userId: user.id, scope: account.scope ?? null });
      },
    },
    logger: {
      error(code, metadata) {
        log('signin.failed', { nextAuthError: code, reason: describeNextAuthError(metadata) });
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
