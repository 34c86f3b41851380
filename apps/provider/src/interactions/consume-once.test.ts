import { describeEachDatabase } from '@oauth-ref/db/testing';
import { expect, it } from 'vitest';
import { createPrismaOidcPayloadRepository } from '../persistence/prisma-oidc-payload-repository.js';
import { sweepExpired } from '../persistence/sweep-expired.js';
import { consumeOnce } from './consume-once.js';

describeEachDatabase('single-use markers (consumeOnce)', (db) => {
  it('accepts a value once, refuses it after, concurrently too, and keeps namespaces apart', async () => {
    const prisma = db().prisma;
    const expiresAt = new Date(Date.now() + 60_000);
    expect(await consumeOnce(prisma, 'csrf', 'uid.token-1', expiresAt)).toBe(true);
    expect(await consumeOnce(prisma, 'csrf', 'uid.token-1', expiresAt)).toBe(false);
    expect(await consumeOnce(prisma, 'other', 'uid.token-1', expiresAt)).toBe(true);
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => consumeOnce(prisma, 'csrf', 'uid.token-2', expiresAt)),
    );
    expect(racing.filter(Boolean)).toHaveLength(1);
  });

  it('stores expiresAt so the sweeper deletes the marker once expired, and not before', async () => {
    const prisma = db().prisma;
    const repository = createPrismaOidcPayloadRepository(prisma);
    const expiresAt = new Date(Date.now() + 60_000);
    expect(await consumeOnce(prisma, 'sweep', 'marker', expiresAt)).toBe(true);
    const markers = () => prisma.seenOnce.findMany({ where: { key: { startsWith: 'sweep:' } } });
    await sweepExpired(repository, prisma, new Date(expiresAt.getTime() - 1000));
    const [row] = await markers();
    expect(row?.expiresAt.getTime()).toBe(expiresAt.getTime());
    await sweepExpired(repository, prisma, new Date(expiresAt.getTime() + 1000));
    expect(await markers()).toEqual([]);
    expect(await consumeOnce(prisma, 'sweep', 'marker', expiresAt)).toBe(true);
  });
});
