/**
 * TokenStore on the next-auth Account row. The lease is taken by one conditional UPDATE
 * (`WHERE id = ? AND (refreshLeaseUntil IS NULL OR refreshLeaseUntil < now)`), which is atomic on
 * both SQLite and PostgreSQL, so exactly one instance wins it.
 */
import type { PrismaClient } from '@oauth-ref/db';
import type { RefreshedTokens, StoredTokens, TokenStore } from './token-store.js';

/**
 * @example
 * const store = createPrismaTokenStore(prisma);
 * await store.tryAcquireLease(accountId, randomUUID(), new Date(Date.now() + 15_000), new Date());
 */
export function createPrismaTokenStore(prisma: PrismaClient): TokenStore {
  return {
    async read(accountId) {
      const row = await prisma.account.findUnique({ where: { id: accountId } });
      if (row === null) return null;
      const tokens: StoredTokens = {
        accountId: row.id,
        userId: row.userId,
        accessToken: row.access_token,
        refreshToken: row.refresh_token,
        idToken: row.id_token,
        expiresAt: row.expires_at,
        scope: row.scope,
      };
      return tokens;
    },
    async tryAcquireLease(accountId, leaseId, until, now) {
      const { count } = await prisma.account.updateMany({
        where: {
          id: accountId,
          OR: [{ refreshLeaseUntil: null }, { refreshLeaseUntil: { lt: now } }],
        },
        data: { refreshLeaseId: leaseId, refreshLeaseUntil: until },
      });
      return count === 1;
    },
    async saveRefreshed(accountId, leaseId, tokens: RefreshedTokens) {
      const { count } = await prisma.account.updateMany({
        where: { id: accountId, refreshLeaseId: leaseId },
        data: {
          access_token: tokens.accessToken,
          expires_at: tokens.expiresAt,
          ...(tokens.refreshToken !== undefined ? { refresh_token: tokens.refreshToken } : {}),
          ...(tokens.idToken !== undefined ? { id_token: tokens.idToken } : {}),
          ...(tokens.scope !== undefined ? { scope: tokens.scope } : {}),
          ...(tokens.tokenType !== undefined ? { token_type: tokens.tokenType.toLowerCase() } : {}),
          refreshLeaseId: null,
          refreshLeaseUntil: null,
        },
      });
      return count === 1;
    },
    async saveRefreshToken(accountId, leaseId, refreshToken) {
      const { count } = await prisma.account.updateMany({
        where: { id: accountId, refreshLeaseId: leaseId },
        data: {
          ...(refreshToken !== undefined ? { refresh_token: refreshToken } : {}),
          refreshLeaseId: null,
          refreshLeaseUntil: null,
        },
      });
      return count === 1;
    },
    async releaseLease(accountId, leaseId) {
      await prisma.account.updateMany({
        where: { id: accountId, refreshLeaseId: leaseId },
        data: { refreshLeaseId: null, refreshLeaseUntil: null },
      });
    },
    async revokeLocally(accountId, userId) {
      await prisma.$transaction([
        prisma.account.updateMany({
          where: { id: accountId },
          data: {
            access_token: null,
            refresh_token: null,
            expires_at: null,
            refreshLeaseId: null,
            refreshLeaseUntil: null,
          },
        }),
        prisma.session.deleteMany({ where: { userId } }),
      ]);
    },
  };
}
