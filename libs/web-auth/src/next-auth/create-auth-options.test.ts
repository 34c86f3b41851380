import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@oauth-ref/db/testing';
import type { Account, User } from 'next-auth';
import { expect, it, vi } from 'vitest';
import type { FlowEvent } from '../flow/flow-events.js';
import { buildCookieOptions } from './cookie-options.js';
import { createAuthOptions, type AuthOptionsInput } from './create-auth-options.js';
import { oidcProvider } from './oidc-provider.js';

const settings = {
  issuer: 'http://localhost:4000',
  clientId: 'oauth-ref-web',
  clientSecret: 's',
  scope: 'openid notes:read',
};

describeEachDatabase('createAuthOptions', (database) => {
  function build(flowId?: string) {
    const recorded: FlowEvent[] = [];
    const claims: [string, string][] = [];
    const log = vi.fn();
    const input: AuthOptionsInput = {
      secret: 'x'.repeat(32),
      prisma: database().prisma,
      provider: oidcProvider({ id: 'oauth-ref', name: 'Test' }, settings),
      cookies: buildCookieOptions('web.', false),
      useSecureCookies: false,
      pages: { signIn: '/signin' },
      flows: {
        record: async (event) => void recorded.push(event),
        claim: async (id, userId) => void claims.push([id, userId]),
      },
      log,
      ...(flowId !== undefined ? { flowId } : {}),
    };
    return { options: createAuthOptions(input), recorded, claims, log };
  }

  async function linkedAccount() {
    const { prisma } = database();
    const user = await prisma.user.create({ data: { name: 'Alice', email: `${randomUUID()}@x` } });
    const providerAccountId = randomUUID();
    await prisma.account.create({
      data: {
        userId: user.id,
        type: 'oauth',
        provider: 'oauth-ref',
        providerAccountId,
        access_token: 'old',
        refreshLeaseId: 'stale-lease',
      },
    });
    return { user: user as unknown as User, providerAccountId };
  }

  it('signIn event: stores the new tokens, records the token response under the request’s flow id and claims the flow', async () => {
    const { options, recorded, claims, log } = build('signin-abc');
    const { user, providerAccountId } = await linkedAccount();
    const account = {
      provider: 'oauth-ref',
      providerAccountId,
      type: 'oauth',
      access_token: 'new-access',
      refresh_token: 'new-refresh',
      token_type: 'Bearer',
      scope: 'openid notes:read',
      expires_at: 2_000_000_000,
      'not-before-policy': 0,
    } as unknown as Account;
    await options.events?.signIn?.({ user, account, isNewUser: false });
    const stored = await database().prisma.account.findFirstOrThrow({
      where: { providerAccountId },
    });
    expect(stored).toMatchObject({
      access_token: 'new-access',
      refresh_token: 'new-refresh',
      token_type: 'bearer',
      refreshLeaseId: null,
    });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      userId: user.id,
      flowId: 'signin-abc',
      step: 'token_response',
    });
    expect(JSON.stringify(recorded[0])).not.toContain('new-refresh');
    expect(claims).toEqual([['signin-abc', user.id]]);
    expect(log).toHaveBeenCalledWith('signin.succeeded', {
      userId: user.id,
      scope: 'openid notes:read',
    });
  });

  it('signIn event: without a flow id records under signin-unknown and claims nothing; ignores other providers', async () => {
    const { options, recorded, claims } = build();
    const { user, providerAccountId } = await linkedAccount();
    await options.events?.signIn?.({
      user,
      account: { provider: 'oauth-ref', providerAccountId, type: 'oauth' } as Account,
    });
    expect(recorded[0]?.flowId).toBe('signin-unknown');
    expect(claims).toEqual([]);
    await options.events?.signIn?.({
      user,
      account: { provider: 'other', providerAccountId, type: 'oauth' } as Account,
    });
    await options.events?.signIn?.({ user, account: null });
    expect(recorded).toHaveLength(1);
  });

  it('session callback returns display data only; redirect callback keeps to this origin', async () => {
    const { options, log } = build();
    const session = await options.callbacks?.session?.({
      session: { expires: 'soon', user: {} },
      user: { id: 'u1', name: null, email: 'a@x', emailVerified: null },
    } as never);
    expect(session).toEqual({ expires: 'soon', user: { name: null, email: 'a@x' } });
    const base = 'http://localhost:3000';
    expect(await options.callbacks?.redirect?.({ url: '/notes', baseUrl: base })).toBe(
      `${base}/notes`,
    );
    expect(
      await options.callbacks?.redirect?.({ url: 'https://evil.example/', baseUrl: base }),
    ).toBe(`${base}/`);
    expect(log).toHaveBeenCalledWith('redirect.blocked', { target: 'https://evil.example/' });
  });

  it('logs next-auth errors as failed sign-ins, warnings as JSON, and never debug output', () => {
    const { options, log } = build();
    options.logger?.error?.('OAUTH_CALLBACK_ERROR', new Error('state mismatch') as never);
    expect(log).toHaveBeenCalledWith('signin.failed', {
      nextAuthError: 'OAUTH_CALLBACK_ERROR',
      reason: 'state mismatch',
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    options.logger?.warn?.('DEBUG_ENABLED');
    options.logger?.warn?.('NEXTAUTH_URL');
    options.logger?.debug?.('x', {});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('NEXTAUTH_URL');
    warn.mockRestore();
    expect(options.debug).toBe(false);
  });

  it('links only the Account model’s columns', async () => {
    const { options } = build();
    const { prisma } = database();
    const user = await prisma.user.create({ data: { name: 'Bob', email: `${randomUUID()}@x` } });
    await options.adapter?.linkAccount?.({
      userId: user.id,
      type: 'oauth',
      provider: 'oauth-ref',
      providerAccountId: randomUUID(),
      access_token: 'a',
      refresh_expires_in: 1800,
    } as never);
    expect(await prisma.account.count({ where: { userId: user.id } })).toBe(1);
  });
});
