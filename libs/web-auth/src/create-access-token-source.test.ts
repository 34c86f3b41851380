import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@oauth-ref/db/testing';
import { expect, it, vi } from 'vitest';
import { createAccessTokenSource } from './create-access-token-source.js';
import { SessionExpiredError } from './errors.js';
import type { FlowEvent } from './flow/flow-events.js';
import { clearDiscoveryCache } from './oauth/discover-provider.js';

const issuer = 'https://op.test';
const discovery = {
  issuer,
  authorization_endpoint: `${issuer}/auth`,
  token_endpoint: `${issuer}/token`,
  jwks_uri: `${issuer}/jwks`,
  response_types_supported: ['code'],
};

/** A provider whose token endpoint answers with `token` (status, body). */
function provider(token: () => Response) {
  const forms: URLSearchParams[] = [];
  const fetchImpl = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    if (String(input).endsWith('/.well-known/openid-configuration'))
      return Response.json(discovery);
    forms.push(new URLSearchParams(String(init?.body)));
    return token();
  }) as typeof fetch;
  return { fetch: fetchImpl, forms };
}

describeEachDatabase('createAccessTokenSource', (database) => {
  async function expiredAccount() {
    const { prisma } = database();
    const user = await prisma.user.create({ data: { name: 'Alice', email: `${randomUUID()}@x` } });
    const account = await prisma.account.create({
      data: {
        userId: user.id,
        type: 'oauth',
        provider: 'oauth-ref',
        providerAccountId: randomUUID(),
        access_token: 'expired',
        refresh_token: 'rt-1',
        expires_at: 1,
      },
    });
    return { accountId: account.id, userId: user.id };
  }

  function source(fetchImpl: typeof fetch) {
    clearDiscoveryCache();
    const recorded: FlowEvent[] = [];
    const log = vi.fn();
    const tokens = createAccessTokenSource({
      prisma: database().prisma,
      issuer,
      clientId: 'oauth-ref-web',
      clientSecret: 's',
      resource: 'http://localhost:3333',
      flows: { record: async (event) => void recorded.push(event), claim: async () => undefined },
      log,
      fetch: fetchImpl,
    });
    return { tokens, recorded, log };
  }

  it('refreshes at the discovered token endpoint for the API, records the step and logs the rotation', async () => {
    const { accountId, userId } = await expiredAccount();
    const op = provider(() =>
      Response.json({
        access_token: 'at-2',
        token_type: 'Bearer',
        expires_in: 60,
        refresh_token: 'rt-2',
      }),
    );
    const { tokens, recorded, log } = source(op.fetch);
    expect(await tokens.getAccessToken(accountId)).toBe('at-2');
    expect(Object.fromEntries(op.forms[0] ?? [])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'rt-1',
      resource: 'http://localhost:3333',
    });
    expect(recorded).toEqual([
      expect.objectContaining({ userId, flowId: 'refresh', step: 'refresh' }),
    ]);
    expect(recorded[0]?.detail).toMatchObject({ refreshTokenRotated: true });
    expect(JSON.stringify(recorded)).not.toContain('rt-2');
    expect(log).toHaveBeenCalledWith('refresh.succeeded', { userId, rotated: true });
  });

  it('records a rejected refresh and ends the session', async () => {
    const { accountId, userId } = await expiredAccount();
    const op = provider(() => Response.json({ error: 'invalid_grant' }, { status: 400 }));
    const { tokens, recorded, log } = source(op.fetch);
    await expect(tokens.getAccessToken(accountId)).rejects.toBeInstanceOf(SessionExpiredError);
    expect(recorded).toEqual([
      { userId, flowId: 'refresh', step: 'refresh_rejected', detail: { error: 'invalid_grant' } },
    ]);
    expect(log).toHaveBeenCalledWith('refresh.rejected', { userId, error: 'invalid_grant' });
  });

  it('sends no resource when none is configured, and notes a refresh that did not rotate', async () => {
    const { accountId } = await expiredAccount();
    const op = provider(() => Response.json({ access_token: 'at-3', token_type: 'bearer' }));
    clearDiscoveryCache();
    const recorded: FlowEvent[] = [];
    const tokens = createAccessTokenSource({
      prisma: database().prisma,
      issuer,
      clientId: 'oauth-ref-web',
      clientSecret: 's',
      flows: { record: async (event) => void recorded.push(event), claim: async () => undefined },
      log: () => undefined,
      fetch: op.fetch,
    });
    expect(await tokens.getAccessToken(accountId)).toBe('at-3');
    expect(op.forms[0]?.has('resource')).toBe(false);
    expect(recorded[0]?.detail).toMatchObject({ refreshTokenRotated: false });
  });
});
