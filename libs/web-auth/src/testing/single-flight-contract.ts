/**
 * The behaviour every TokenStore must give the single-flight refresh, written once and run
 * against the in-memory store and against Prisma on SQLite and PostgreSQL.
 */
import { expect, it } from 'vitest';
import { ProviderUnavailableError, RefreshRejectedError, SessionExpiredError } from '../errors.js';
import { createSingleFlightRefresh } from '../single-flight-refresh.js';
import type { RefreshedTokens, StoredTokens, TokenStore } from '../token-store.js';

export interface StoreFixture {
  readonly store: TokenStore;
  /** Creates an account (and a session for its user) and returns its id. */
  seed(
    tokens: Omit<StoredTokens, 'accountId' | 'userId'>,
  ): Promise<{ accountId: string; userId: string }>;
  countSessions(userId: string): Promise<number>;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A use of the refresh token that does not rotate it. */
const keepRefreshToken = async () => ({ result: null });

function fakeTokenEndpoint(delayMs = 50) {
  let calls = 0;
  const seen: string[] = [];
  const refresh = async (refreshToken: string): Promise<RefreshedTokens> => {
    calls += 1;
    seen.push(refreshToken);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return {
      accessToken: `access-${calls}`,
      refreshToken: `refresh-${calls}`,
      expiresAt: nowSeconds() + 300,
    };
  };
  return { refresh, calls: () => calls, seen };
}

/**
 * Declares the contract's tests inside the caller's `describe`.
 *
 * @example
 * describe('my store', () => singleFlightContract(async () => ({ store, seed, countSessions })));
 */
export function singleFlightContract(setup: () => Promise<StoreFixture>) {
  it('returns the stored access token without refreshing while it is fresh', async () => {
    const fixture = await setup();
    const { accountId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      idToken: null,
      expiresAt: nowSeconds() + 600,
      scope: null,
    });
    const endpoint = fakeTokenEndpoint();
    const source = createSingleFlightRefresh({ store: fixture.store, refresh: endpoint.refresh });
    await expect(source.getAccessToken(accountId)).resolves.toBe('access-0');
    expect(endpoint.calls()).toBe(0);
  });

  it('sends exactly one token request when many callers on many instances find the token expired', async () => {
    const fixture = await setup();
    const { accountId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      idToken: null,
      expiresAt: nowSeconds() - 5,
      scope: null,
    });
    const endpoint = fakeTokenEndpoint(150);
    // Four "server instances" (each with its own in-process coalescing) × five parallel requests.
    const instances = Array.from({ length: 4 }, () =>
      createSingleFlightRefresh({ store: fixture.store, refresh: endpoint.refresh, pollMs: 20 }),
    );
    const results = await Promise.all(
      instances.flatMap((instance) =>
        Array.from({ length: 5 }, () => instance.getAccessToken(accountId)),
      ),
    );
    expect(endpoint.calls()).toBe(1);
    expect(new Set(results)).toEqual(new Set(['access-1']));
    const stored = await fixture.store.read(accountId);
    expect(stored).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });

  it('replaces the old refresh token with the rotated one and uses it next time', async () => {
    const fixture = await setup();
    const { accountId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      idToken: null,
      expiresAt: nowSeconds() - 5,
      scope: null,
    });
    const endpoint = fakeTokenEndpoint(1);
    const source = createSingleFlightRefresh({ store: fixture.store, refresh: endpoint.refresh });
    await source.getAccessToken(accountId);
    await source.forceRefresh(accountId);
    expect(endpoint.seen).toEqual(['refresh-0', 'refresh-1']);
    expect(await fixture.store.read(accountId)).toMatchObject({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
    });
  });

  it('keeps the old refresh token when the server does not rotate it', async () => {
    const fixture = await setup();
    const { accountId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      idToken: 'id-0',
      expiresAt: nowSeconds() - 5,
      scope: null,
    });
    const source = createSingleFlightRefresh({
      store: fixture.store,
      refresh: async () => ({ accessToken: 'access-1', expiresAt: nowSeconds() + 60 }),
    });
    await expect(source.getAccessToken(accountId)).resolves.toBe('access-1');
    expect(await fixture.store.read(accountId)).toMatchObject({
      refreshToken: 'refresh-0',
      idToken: 'id-0',
    });
  });

  it('ends the session cleanly on invalid_grant: tokens forgotten, sessions deleted, every waiter told', async () => {
    const fixture = await setup();
    const { accountId, userId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: 'refresh-revoked',
      idToken: null,
      expiresAt: nowSeconds() - 5,
      scope: null,
    });
    let calls = 0;
    const rejected: string[] = [];
    const makeSource = () =>
      createSingleFlightRefresh({
        store: fixture.store,
        pollMs: 20,
        refresh: async () => {
          calls += 1;
          await new Promise((resolve) => setTimeout(resolve, 50));
          throw new RefreshRejectedError('invalid_grant');
        },
        onRejected: (_account, error) => void rejected.push(error.oauthError),
      });
    const results = await Promise.allSettled(
      [makeSource(), makeSource(), makeSource()].map((s) => s.getAccessToken(accountId)),
    );
    expect(calls).toBe(1);
    expect(rejected).toEqual(['invalid_grant']);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(SessionExpiredError);
    }
    expect(await fixture.store.read(accountId)).toMatchObject({
      accessToken: null,
      refreshToken: null,
    });
    expect(await fixture.countSessions(userId)).toBe(0);
    // No loop: a later call fails fast without another token request.
    await expect(makeSource().getAccessToken(accountId)).rejects.toBeInstanceOf(
      SessionExpiredError,
    );
    expect(calls).toBe(1);
  });

  it('releases the lease when the provider is down, so the next request can try again', async () => {
    const fixture = await setup();
    const { accountId, userId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      idToken: null,
      expiresAt: nowSeconds() - 5,
      scope: null,
    });
    let fail = true;
    const source = createSingleFlightRefresh({
      store: fixture.store,
      refresh: async () => {
        if (fail) throw new ProviderUnavailableError('ECONNREFUSED');
        return { accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: nowSeconds() + 60 };
      },
    });
    await expect(source.getAccessToken(accountId)).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(await fixture.countSessions(userId)).toBe(1);
    fail = false;
    await expect(source.getAccessToken(accountId)).resolves.toBe('access-1');
  });

  it('takes over a lease whose holder died (lease expired)', async () => {
    const fixture = await setup();
    const { accountId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      idToken: null,
      expiresAt: nowSeconds() - 5,
      scope: null,
    });
    // A crashed instance took the lease and never released it; it expired 1 s ago.
    expect(
      await fixture.store.tryAcquireLease(
        accountId,
        'dead-instance',
        new Date(Date.now() - 1000),
        new Date(),
      ),
    ).toBe(true);
    const endpoint = fakeTokenEndpoint(1);
    const source = createSingleFlightRefresh({ store: fixture.store, refresh: endpoint.refresh });
    await expect(source.getAccessToken(accountId)).resolves.toBe('access-1');
  });

  it('refuses a second lease while one is live', async () => {
    const fixture = await setup();
    const { accountId } = await fixture.seed({
      accessToken: 'a',
      refreshToken: 'r',
      idToken: null,
      expiresAt: null,
      scope: null,
    });
    const until = new Date(Date.now() + 10_000);
    expect(await fixture.store.tryAcquireLease(accountId, 'one', until, new Date())).toBe(true);
    expect(await fixture.store.tryAcquireLease(accountId, 'two', until, new Date())).toBe(false);
    expect(
      await fixture.store.saveRefreshed(accountId, 'two', { accessToken: 'x', expiresAt: null }),
    ).toBe(false);
    await fixture.store.releaseLease(accountId, 'one');
    expect(await fixture.store.tryAcquireLease(accountId, 'two', until, new Date())).toBe(true);
  });

  it('stores the new ID token, scope and token type when the provider returns them', async () => {
    const fixture = await setup();
    const { accountId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      idToken: 'id-0',
      expiresAt: nowSeconds() - 5,
      scope: 'old',
    });
    const source = createSingleFlightRefresh({
      store: fixture.store,
      refresh: async () => ({
        accessToken: 'access-1',
        refreshToken: 'refresh-1',
        idToken: 'id-1',
        scope: 'notes:read',
        tokenType: 'Bearer',
        expiresAt: nowSeconds() + 60,
      }),
    });
    await source.getAccessToken(accountId);
    expect(await fixture.store.read(accountId)).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      idToken: 'id-1',
      scope: 'notes:read',
    });
  });

  it('tells the caller to sign in again when the access token expired and there is no refresh token', async () => {
    const fixture = await setup();
    const { accountId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: null,
      idToken: null,
      expiresAt: nowSeconds() - 5,
      scope: null,
    });
    const endpoint = fakeTokenEndpoint(1);
    const source = createSingleFlightRefresh({ store: fixture.store, refresh: endpoint.refresh });
    await expect(source.getAccessToken(accountId)).rejects.toMatchObject({
      reason: 'no-refresh-token',
    });
    expect(endpoint.calls()).toBe(0);
    // The lease was released: another caller can take it at once.
    expect(
      await fixture.store.tryAcquireLease(
        accountId,
        'next',
        new Date(Date.now() + 1000),
        new Date(),
      ),
    ).toBe(true);
  });

  it('keeps the newer tokens when its lease was taken over while the provider was slow', async () => {
    const fixture = await setup();
    const { accountId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      idToken: null,
      expiresAt: nowSeconds() - 5,
      scope: null,
    });
    const slow = createSingleFlightRefresh({
      store: fixture.store,
      leaseMs: 40,
      refresh: async () => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return {
          accessToken: 'access-slow',
          refreshToken: 'refresh-slow',
          expiresAt: nowSeconds() + 60,
        };
      },
    });
    const fast = createSingleFlightRefresh({
      store: fixture.store,
      pollMs: 10,
      refresh: async () => ({
        accessToken: 'access-fast',
        refreshToken: 'refresh-fast',
        expiresAt: nowSeconds() + 60,
      }),
    });
    const slowResult = slow.getAccessToken(accountId);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(fast.getAccessToken(accountId)).resolves.toBe('access-fast');
    await expect(slowResult).resolves.toBe('access-fast');
    expect(await fixture.store.read(accountId)).toMatchObject({
      accessToken: 'access-fast',
      refreshToken: 'refresh-fast',
    });
  });

  it('runs another use of the refresh token after a concurrent refresh, with the rotated token', async () => {
    const fixture = await setup();
    const { accountId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      idToken: null,
      expiresAt: nowSeconds() - 5,
      scope: null,
    });
    const endpoint = fakeTokenEndpoint(100);
    const source = createSingleFlightRefresh({
      store: fixture.store,
      refresh: endpoint.refresh,
      pollMs: 10,
    });
    const other = createSingleFlightRefresh({
      store: fixture.store,
      refresh: endpoint.refresh,
      pollMs: 10,
    });
    const refreshing = source.getAccessToken(accountId);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const used: string[] = [];
    const result = await other.useRefreshToken(accountId, async (refreshToken) => {
      used.push(refreshToken);
      return { result: 'userinfo-token', rotatedRefreshToken: 'refresh-narrowed' };
    });
    await refreshing;
    expect(result).toBe('userinfo-token');
    expect(used).toEqual(['refresh-1']);
    expect(await fixture.store.read(accountId)).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-narrowed',
    });
    // Without rotation the stored refresh token stays.
    await other.useRefreshToken(accountId, keepRefreshToken);
    expect(await fixture.store.read(accountId)).toMatchObject({ refreshToken: 'refresh-narrowed' });
  });

  it('ends the session when another use of the refresh token meets invalid_grant', async () => {
    const fixture = await setup();
    const { accountId, userId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      idToken: null,
      expiresAt: nowSeconds() + 600,
      scope: null,
    });
    const source = createSingleFlightRefresh({
      store: fixture.store,
      refresh: fakeTokenEndpoint().refresh,
    });
    await expect(
      source.useRefreshToken(accountId, async () => {
        throw new RefreshRejectedError('invalid_grant');
      }),
    ).rejects.toBeInstanceOf(SessionExpiredError);
    expect(await fixture.countSessions(userId)).toBe(0);
  });

  it('releases the lease when another use of the refresh token fails otherwise', async () => {
    const fixture = await setup();
    const { accountId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      idToken: null,
      expiresAt: nowSeconds() + 600,
      scope: null,
    });
    const source = createSingleFlightRefresh({
      store: fixture.store,
      refresh: fakeTokenEndpoint().refresh,
    });
    await expect(
      source.useRefreshToken(accountId, async () => {
        throw new ProviderUnavailableError('down');
      }),
    ).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(
      await fixture.store.tryAcquireLease(
        accountId,
        'next',
        new Date(Date.now() + 1000),
        new Date(),
      ),
    ).toBe(true);
  });

  it('refuses another use of the refresh token when there is none', async () => {
    const fixture = await setup();
    const { accountId } = await fixture.seed({
      accessToken: 'access-0',
      refreshToken: null,
      idToken: null,
      expiresAt: nowSeconds() + 600,
      scope: null,
    });
    const source = createSingleFlightRefresh({
      store: fixture.store,
      refresh: fakeTokenEndpoint().refresh,
    });
    await expect(source.useRefreshToken(accountId, keepRefreshToken)).rejects.toMatchObject({
      reason: 'no-refresh-token',
    });
  });

  it('tells the caller to sign in again when the account has no tokens', async () => {
    const fixture = await setup();
    const source = createSingleFlightRefresh({
      store: fixture.store,
      refresh: fakeTokenEndpoint().refresh,
    });
    await expect(source.getAccessToken('missing-account')).rejects.toBeInstanceOf(
      SessionExpiredError,
    );
  });
}
