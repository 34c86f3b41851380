/**
 * The DPoP replay cache is insert-or-fail across instances: of many concurrent uses of one key,
 * from two separate connections (two API instances), exactly one wins — on SQLite, PostgreSQL
 * and Redis. Expired keys are reusable and swept.
 */
import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@oauth-ref/db';
import { describeEachDatabase } from '@oauth-ref/db/testing';
import type { ReplayStore } from '@oauth-ref/nest-bearer-auth';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisSkipReason, testRedisUrl } from '@oauth-ref/db/testing/redis';
import { createPrismaReplayStore, type PrismaReplayStore } from './prisma-replay-store.js';
import { createRedisReplayStore } from './redis-replay-store.js';

const inAMinute = () => new Date(Date.now() + 60_000);

async function racedUses(stores: readonly ReplayStore[], key: string, times: number) {
  const results = await Promise.all(
    Array.from({ length: times }, (_, index) =>
      (stores[index % stores.length] as ReplayStore).markUsed(key, inAMinute()),
    ),
  );
  return results.filter(Boolean).length;
}

describeEachDatabase('DPoP replay store on the database', (database) => {
  let second: PrismaClient;
  let one: PrismaReplayStore;
  let two: PrismaReplayStore;

  beforeAll(() => {
    second = createPrismaClient(database().url);
    one = createPrismaReplayStore(database().prisma);
    two = createPrismaReplayStore(second);
  });
  afterAll(async () => {
    one?.close();
    two?.close();
    await second?.$disconnect();
  });

  it('accepts a key once, then refuses it on either instance', async () => {
    const key = `dpop:${randomUUID()}`;
    expect(await one.markUsed(key, inAMinute())).toBe(true);
    expect(await one.markUsed(key, inAMinute())).toBe(false);
    expect(await two.markUsed(key, inAMinute())).toBe(false);
  });

  it('lets exactly one of 20 truly parallel uses from two instances win', async () => {
    expect(await racedUses([one, two], `dpop:${randomUUID()}`, 20)).toBe(1);
  });

  it('reuses a key whose window is over, and sweeps expired keys of its namespace only', async () => {
    const key = `dpop:${randomUUID()}`;
    expect(await one.markUsed(key, new Date(Date.now() - 1000))).toBe(true);
    expect(await two.markUsed(key, inAMinute())).toBe(true);
    const expired = `dpop:${randomUUID()}`;
    await one.markUsed(expired, new Date(Date.now() - 1000));
    const foreign = `login-csrf:${randomUUID()}`;
    await database().prisma.seenOnce.create({
      data: { key: foreign, expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await one.sweep()).toBeGreaterThanOrEqual(1);
    const left = await database().prisma.seenOnce.findMany({
      where: { key: { in: [key, expired, foreign] } },
    });
    expect(left.map((row) => row.key).sort()).toEqual([foreign, key].sort());
  });
});

describe.skipIf(redisSkipReason !== undefined)(
  `DPoP replay store on Redis${redisSkipReason ? ` (skipped: ${redisSkipReason})` : ''}`,
  () => {
    let first: Redis;
    let second: Redis;
    beforeAll(() => {
      first = new Redis(testRedisUrl);
      second = new Redis(testRedisUrl);
    });
    afterAll(async () => {
      await first?.quit();
      await second?.quit();
    });

    it('lets exactly one of 20 truly parallel uses from two connections win', async () => {
      const stores = [createRedisReplayStore(first), createRedisReplayStore(second)];
      const key = `dpop:${randomUUID()}`;
      expect(await racedUses(stores, key, 20)).toBe(1);
      expect(await first.pttl(key)).toBeGreaterThan(50_000);
    });
  },
);
