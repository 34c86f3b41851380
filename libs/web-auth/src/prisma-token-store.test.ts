import { randomUUID } from 'node:crypto';
import { createPrismaClient } from '@oauth-ref/db';
import { describeEachDatabase } from '@oauth-ref/db/testing';
import { expect, it } from 'vitest';
import { createPrismaTokenStore } from './prisma-token-store.js';
import { singleFlightContract } from './testing/single-flight-contract.js';

describeEachDatabase('single-flight refresh on the Account row', (database) => {
  singleFlightContract(async () => {
    const { prisma } = database();
    return {
      store: createPrismaTokenStore(prisma),
      async seed(tokens) {
        const user = await prisma.user.create({
          data: { name: 'Alice', email: `${randomUUID()}@example.com` },
        });
        const account = await prisma.account.create({
          data: {
            userId: user.id,
            type: 'oauth',
            provider: 'oauth-ref',
            providerAccountId: randomUUID(),
            access_token: tokens.accessToken,
            refresh_token: tokens.refreshToken,
            id_token: tokens.idToken,
            expires_at: tokens.expiresAt,
            scope: tokens.scope,
          },
        });
        await prisma.session.create({
          data: {
            userId: user.id,
            sessionToken: randomUUID(),
            expires: new Date(Date.now() + 3_600_000),
          },
        });
        return { accountId: account.id, userId: user.id };
      },
      countSessions: (userId) => prisma.session.count({ where: { userId } }),
    };
  });

  it('stores the lease on the row so a second client (another instance) sees it', async () => {
    const { prisma, url } = database();
    const other = createPrismaClient(url);
    try {
      const user = await prisma.user.create({ data: { name: 'Bob' } });
      const account = await prisma.account.create({
        data: {
          userId: user.id,
          type: 'oauth',
          provider: 'oauth-ref',
          providerAccountId: randomUUID(),
          access_token: 'a',
        },
      });
      const until = new Date(Date.now() + 10_000);
      expect(
        await createPrismaTokenStore(prisma).tryAcquireLease(
          account.id,
          'instance-1',
          until,
          new Date(),
        ),
      ).toBe(true);
      expect(
        await createPrismaTokenStore(other).tryAcquireLease(
          account.id,
          'instance-2',
          until,
          new Date(),
        ),
      ).toBe(false);
      const row = await other.account.findUniqueOrThrow({ where: { id: account.id } });
      expect(row.refreshLeaseId).toBe('instance-1');
    } finally {
      await other.$disconnect();
    }
  });
});
