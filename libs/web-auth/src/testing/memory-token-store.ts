/**
 * An in-memory TokenStore with the same lease semantics as the Prisma one, for unit tests of
 * the single-flight logic (the Prisma store is tested against SQLite and PostgreSQL separately).
 */
import type { RefreshedTokens, StoredTokens, TokenStore } from '../token-store.js';

interface Row extends StoredTokens {
  leaseId: string | null;
  leaseUntil: Date | null;
  sessionsEnded: boolean;
}

/**
 * @example
 * const { store, rows } = createMemoryTokenStore([{ accountId: 'a', userId: 'u', accessToken: 'x', refreshToken: 'r', idToken: null, expiresAt: 0, scope: null }]);
 */
export function createMemoryTokenStore(initial: StoredTokens[]) {
  const rows = new Map<string, Row>(
    initial.map((tokens) => [
      tokens.accountId,
      { ...tokens, leaseId: null, leaseUntil: null, sessionsEnded: false },
    ]),
  );
  const store: TokenStore = {
    async read(accountId) {
      const row = rows.get(accountId);
      return row ? { ...row } : null;
    },
    async tryAcquireLease(accountId, leaseId, until, now) {
      const row = rows.get(accountId);
      if (!row || (row.leaseUntil !== null && row.leaseUntil >= now)) return false;
      rows.set(accountId, { ...row, leaseId, leaseUntil: until });
      return true;
    },
    async saveRefreshed(accountId, leaseId, tokens: RefreshedTokens) {
      const row = rows.get(accountId);
      if (!row || row.leaseId !== leaseId) return false;
      rows.set(accountId, {
        ...row,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken ?? row.refreshToken,
        idToken: tokens.idToken ?? row.idToken,
        scope: tokens.scope ?? row.scope,
        expiresAt: tokens.expiresAt,
        leaseId: null,
        leaseUntil: null,
      });
      return true;
    },
    async saveRefreshToken(accountId, leaseId, refreshToken) {
      const row = rows.get(accountId);
      if (!row || row.leaseId !== leaseId) return false;
      rows.set(accountId, {
        ...row,
        refreshToken: refreshToken ?? row.refreshToken,
        leaseId: null,
        leaseUntil: null,
      });
      return true;
    },
    async releaseLease(accountId, leaseId) {
      const row = rows.get(accountId);
      if (row && row.leaseId === leaseId)
        rows.set(accountId, { ...row, leaseId: null, leaseUntil: null });
    },
    async revokeLocally(accountId) {
      const row = rows.get(accountId);
      if (row) {
        rows.set(accountId, {
          ...row,
          accessToken: null,
          refreshToken: null,
          expiresAt: null,
          leaseId: null,
          leaseUntil: null,
          sessionsEnded: true,
        });
      }
    },
  };
  return { store, rows };
}
