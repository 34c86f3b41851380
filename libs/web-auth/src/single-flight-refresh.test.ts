import { describe, expect, it } from 'vitest';
import { RefreshLeaseTimeoutError } from './errors';
import { createMemoryTokenStore } from './memory-token-store';
import { singleFlightContract } from './single-flight-refresh.contract';
import { createSingleFlightRefresh, isFresh } from './single-flight-refresh';

describe('single-flight refresh (in-memory store)', () => {
  singleFlightContract(async () => {
    const { store, rows } = createMemoryTokenStore([]);
    let next = 0;
    return {
      store,
      async seed(tokens) {
        next += 1;
        const ids = { accountId: `account-${next}`, userId: `user-${next}` };
        rows.set(ids.accountId, { ...tokens, ...ids, leaseId: null, leaseUntil: null, sessionsEnded: false });
        return ids;
      },
      async countSessions(userId) {
        return [...rows.values()].some((row) => row.userId === userId && !row.sessionsEnded) ? 1 : 0;
      },
    };
  });

  it('gives up with RefreshLeaseTimeoutError when the lease holder never finishes', async () => {
    const { store } = createMemoryTokenStore([
      { accountId: 'a', userId: 'u', accessToken: 'x', refreshToken: 'r', idToken: null, expiresAt: 1, scope: null },
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

describe('isFresh', () => {
  const tokens = { accountId: 'a', userId: 'u', accessToken: 'x', refreshToken: null, idToken: null, scope: null };
  it('treats a token inside the skew window as expired', () => {
    expect(isFresh({ ...tokens, expiresAt: 1000 }, 975_000, 30)).toBe(false);
    expect(isFresh({ ...tokens, expiresAt: 1000 }, 960_000, 30)).toBe(true);
  });
  it('treats a token without expires_at as fresh and a missing token as stale', () => {
    expect(isFresh({ ...tokens, expiresAt: null }, 0, 30)).toBe(true);
    expect(isFresh({ ...tokens, accessToken: null, expiresAt: null }, 0, 30)).toBe(false);
  });
});
