import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '@oauth-ref/db/testing';
import { redisSkipReason, testRedisUrl } from '@oauth-ref/db/testing/redis';
import {
  createPrismaRateLimitStore,
  createRedisRateLimitStore,
  type RateLimitStore,
} from './create-rate-limit-store.js';
import { createLoginRateLimiter, type LoginRateLimiter } from './login-rate-limiter.js';

const policy = { max: 10, maxPerAddress: 50, windowSeconds: 60 };

/** One guess as the login route makes it: count first, check the password only when allowed. */
async function guess(
  limiter: LoginRateLimiter,
  username: string,
  address: string,
  passwordCheck: () => Promise<void>,
) {
  const decision = await limiter.consume(username, address);
  if (decision.allowed) await passwordCheck();
  return decision;
}

/** Fires `count` guesses at once; returns how many reached the password check. */
async function fireAtOnce(
  count: number,
  target: (index: number) => { limiter: LoginRateLimiter; username: string; address: string },
): Promise<{ checked: number; retryAfter: number[] }> {
  let checked = 0;
  const check = async () => {
    checked += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const decisions = await Promise.all(
    Array.from({ length: count }, (_, index) => {
      const { limiter, username, address } = target(index);
      return guess(limiter, username, address, check);
    }),
  );
  const retryAfter = decisions.flatMap((decision) =>
    decision.allowed ? [] : [decision.retryAfterSeconds],
  );
  return { checked, retryAfter };
}

function suite(stores: () => [RateLimitStore, RateLimitStore]) {
  it.each([25, 80])(
    'lets exactly 10 of %i concurrent guesses for one username reach the password check',
    async (count) => {
      const [store] = stores();
      const limiter = createLoginRateLimiter(store, { ...policy, maxPerAddress: 1000 });
      const username = `user-${randomUUID()}`;
      const result = await fireAtOnce(count, (index) => ({
        limiter,
        username,
        address: `10.1.${index}.1`,
      }));
      expect(result.checked).toBe(10);
      expect(result.retryAfter).toHaveLength(count - 10);
      for (const seconds of result.retryAfter) {
        expect(seconds).toBeGreaterThan(0);
        expect(seconds).toBeLessThanOrEqual(60);
      }
    },
  );

  it('lets exactly 50 of 80 concurrent guesses from one address (80 usernames) through', async () => {
    const [store] = stores();
    const limiter = createLoginRateLimiter(store, policy);
    const address = `10.2.${randomUUID()}`;
    const result = await fireAtOnce(80, (index) => ({
      limiter,
      username: `spray-${index}-${randomUUID()}`,
      address,
    }));
    expect(result.checked).toBe(50);
  });

  it('spends one budget across two instances (two limiters on the same store)', async () => {
    const [first, second] = stores();
    const limiters = [
      createLoginRateLimiter(first, { ...policy, maxPerAddress: 1000 }),
      createLoginRateLimiter(second, { ...policy, maxPerAddress: 1000 }),
    ];
    const username = `shared-${randomUUID()}`;
    const result = await fireAtOnce(40, (index) => ({
      limiter: limiters[index % 2]!,
      username,
      address: `10.3.${index}.1`,
    }));
    expect(result.checked).toBe(10);
  });

  it('clears the username after a success and gives the address its point back', async () => {
    const [store] = stores();
    const limiter = createLoginRateLimiter(store, { max: 3, maxPerAddress: 3, windowSeconds: 60 });
    const username = `ok-${randomUUID()}`;
    const address = `10.4.${randomUUID()}`;
    for (let attempt = 0; attempt < 2; attempt += 1)
      expect((await limiter.consume(username, address)).allowed).toBe(true);
    expect((await limiter.consume(username, address)).allowed).toBe(true);
    await limiter.succeeded(username, address);
    // The username starts afresh; the address has 1 of 3 points left plus the one returned.
    expect((await limiter.consume(username, address)).allowed).toBe(true);
    expect((await limiter.consume(`${username}-other`, address)).allowed).toBe(false);
  });

  it('treats usernames case-insensitively (ALICE and alice share a budget)', async () => {
    const [store] = stores();
    const limiter = createLoginRateLimiter(store, {
      max: 2,
      maxPerAddress: 100,
      windowSeconds: 60,
    });
    const username = `Case-${randomUUID()}`;
    expect((await limiter.consume(username.toUpperCase(), '10.5.0.1')).allowed).toBe(true);
    expect((await limiter.consume(username.toLowerCase(), '10.5.0.2')).allowed).toBe(true);
    expect((await limiter.consume(username, '10.5.0.3')).allowed).toBe(false);
  });
}

describeEachDatabase('login rate limiter on the database (RateLimiterPrisma)', (db) => {
  suite(() => {
    const store = createPrismaRateLimitStore(db().prisma);
    return [store, createPrismaRateLimitStore(db().prisma)];
  });

  it('keeps its counters in the shared RateLimiterFlexible table', async () => {
    const limiter = createLoginRateLimiter(createPrismaRateLimitStore(db().prisma), policy);
    const username = `row-${randomUUID()}`;
    await limiter.consume(username, '10.6.0.1');
    await limiter.consume(username, '10.6.0.2');
    const row = await db().prisma.rateLimiterFlexible.findUnique({
      where: { key: `login:user:${username}` },
    });
    expect(row?.points).toBe(2);
    expect(row?.expire?.getTime()).toBeGreaterThan(Date.now());
  });
});

const redisTitle = redisSkipReason
  ? `login rate limiter on Redis (skipped: ${redisSkipReason})`
  : 'login rate limiter on Redis (RateLimiterRedis)';
describe.skipIf(redisSkipReason !== undefined)(redisTitle, () => {
  const opened: RateLimitStore[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
  });
  suite(() => {
    // Two connections, as two provider instances would hold.
    const pair: [RateLimitStore, RateLimitStore] = [
      createRedisRateLimitStore(testRedisUrl),
      createRedisRateLimitStore(testRedisUrl),
    ];
    opened.push(...pair);
    return pair;
  });
});
