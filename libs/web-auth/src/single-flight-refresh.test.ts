import { describe, expect, it } from 'vitest';
import { RefreshLeaseTimeoutError } from './errors.js';
import { createMemoryTokenStore } from './testing/memory-token-store.js';
import { singleFlightContract } from './testing/single-flight-contract.js';
import { createSingleFlightRefresh, isFresh } from './single-flight-refresh.js';
import type { TokenStore } from './token-store.js';

describe('single-flight refresh (in-memory store)', () => {
  singleFlightContract(async () => {
    const { store, rows } = createMemoryTokenStore([]);
    let next = 0;
    return {
      store,
      async seed(tokens) {
        next += 1;
        const ids = { accountId: `account-${next}`, userId: `user-${next}` };
        rows.set(ids.accountId, {
          ...tokens,
          ...ids,
          leaseId: null,
          leaseUntil: null,
          sessionsEnded: false,
        });
        return ids;
      },
      async countSessions(userId) {
        return [...rows.values()].some((row) => row.userId === userId && !row.sessionsEnded)
          ? 1
          : 0;
      },
    };
  });

  it('gives up with RefreshLeaseTimeoutError when the lease holder never finishes', async () => {
    const { store } = createMemoryTokenStore([
      {
        accountId: 'a',
        userId: 'u',
        accessToken: 'x',
        refreshToken: 'r',
        idToken: null,
        expiresAt: 1,
        scope: null,
      },
    ]);
    await store.tryAcquireLease('a', 'stuck', new Date(Date.now() + 60_000), new Date());
    const source = createSingleFlightRefresh({
      store,
      refresh: async () => ({ accessToken: 'never', expiresAt: null }),
      pollMs: 5,
      maxWaitMs: 30,
    });
    await expect(source.getAccessToken('a')).rejects.toBeInstanceOf(RefreshLeaseTimeoutError);
  });
});

describe('single-flight refresh edge cases (in-memory store)', () => {
  const expired = {
    accountId: 'a',
    userId: 'u',
    accessToken: 'stale',
    refreshToken: 'r',
    idToken: null,
    expiresAt: 1,
    scope: null,
  };

  it('uses the tokens another holder wrote just before this caller took the lease', async () => {
    const { store, rows } = createMemoryTokenStore([expired]);
    const racing: TokenStore = {
      ...store,
      async tryAcquireLease(accountId, leaseId, until, now) {
        rows.set(accountId, {
          ...rows.get(accountId)!,
          accessToken: 'fresh-from-other',
          expiresAt: Math.floor(Date.now() / 1000) + 300,
        });
        return store.tryAcquireLease(accountId, leaseId, until, now);
      },
    };
    let calls = 0;
    const source = createSingleFlightRefresh({
      store: racing,
      refresh: async () => {
        calls += 1;
        return { accessToken: 'never', expiresAt: null };
      },
    });
    await expect(source.getAccessToken('a')).resolves.toBe('fresh-from-other');
    expect(calls).toBe(0);
    expect(rows.get('a')?.leaseId).toBeNull();
  });

  it('gives up another use of the refresh token when the lease holder never finishes', async () => {
    const { store } = createMemoryTokenStore([{ ...expired, expiresAt: null }]);
    await store.tryAcquireLease('a', 'stuck', new Date(Date.now() + 60_000), new Date());
    const source = createSingleFlightRefresh({
      store,
      refresh: async () => ({ accessToken: 'never', expiresAt: null }),
      pollMs: 5,
      maxWaitMs: 30,
    });
    await expect(source.useRefreshToken('a', async () => ({ result: 1 }))).rejects.toBeInstanceOf(
      RefreshLeaseTimeoutError,
    );
  });

  it('ignores lease operations on unknown accounts and on leases it does not hold', async () => {
    const { store, rows } = createMemoryTokenStore([expired]);
    expect(await store.tryAcquireLease('missing', 'x', new Date(), new Date())).toBe(false);
    expect(await store.saveRefreshed('missing', 'x', { accessToken: 'a', expiresAt: null })).toBe(
      false,
    );
    await store.releaseLease('missing', 'x');
    await store.revokeLocally('missing', 'u');
    await store.tryAcquireLease('a', 'mine', new Date(Date.now() + 1000), new Date());
    await store.releaseLease('a', 'not-mine');
    expect(await store.saveRefreshToken('a', 'not-mine', 'r')).toBe(false);
    expect(rows.get('a')?.leaseId).toBe('mine');
  });
});

describe('isFresh', () => {
  const tokens = {
    accountId: 'a',
    userId: 'u',
    accessToken: 'x',
    refreshToken: null,
    idToken: null,
    scope: null,
  };
  it('treats a token inside the skew window as expired', () => {
    expect(isFresh({ ...tokens, expiresAt: 1000 }, 975_000, 30)).toBe(false);
    expect(isFresh({ ...tokens, expiresAt: 1000 }, 960_000, 30)).toBe(true);
  });
  it('treats a token without expires_at as fresh and a missing token as stale', () => {
    expect(isFresh({ ...tokens, expiresAt: null }, 0, 30)).toBe(true);
    expect(isFresh({ ...tokens, accessToken: null, expiresAt: null }, 0, 30)).toBe(false);
  });
});
