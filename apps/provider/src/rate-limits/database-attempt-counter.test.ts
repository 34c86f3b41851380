import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@oauth-ref/db/testing';
import { expect, it } from 'vitest';
import { createPrismaRateLimitStore } from './create-rate-limit-store.js';
import { createDatabaseAttemptCounter } from './database-attempt-counter.js';
import { createLoginRateLimiter } from './login-rate-limiter.js';

describeEachDatabase('attempt counter on the database', (db) => {
  it('counts every key of a hit in one statement, each in its own window', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const counter = createDatabaseAttemptCounter(db().prisma, () => now);
    const [a, b] = [`test:a:${randomUUID()}`, `test:b:${randomUUID()}`];
    expect((await counter.hit([a, b], 60)).map((count) => count.points)).toEqual([1, 1]);
    now += 10_000;
    const [second] = await counter.hit([a], 60);
    expect(second).toEqual({ key: a, points: 2, msBeforeNext: 50_000 });
    now += 50_000; // a's window has ended: it starts afresh, with a new window
    expect(await counter.hit([b, a], 60)).toEqual([
      { key: b, points: 1, msBeforeNext: 60_000 },
      { key: a, points: 1, msBeforeNext: 60_000 },
    ]);
  });

  it('never reports more than one window, when a hit that read its clock later opened it first', async () => {
    const start = Date.parse('2030-01-03T00:00:00Z');
    const key = `test:order:${randomUUID()}`;
    const later = createDatabaseAttemptCounter(db().prisma, () => start + 5);
    const earlier = createDatabaseAttemptCounter(db().prisma, () => start);
    await later.hit([key], 60);
    const [count] = await earlier.hit([key], 60);
    expect(count).toEqual({ key, points: 2, msBeforeNext: 60_000 });
  });

  it('settles a success: one point back (never below 0) and a cleared window', async () => {
    const now = Date.parse('2030-01-02T00:00:00Z');
    const counter = createDatabaseAttemptCounter(db().prisma, () => now);
    const [reward, clear] = [`test:r:${randomUUID()}`, `test:c:${randomUUID()}`];
    await counter.hit([reward, clear], 60);
    await counter.hit([clear], 60);
    await counter.settle(reward, clear);
    await counter.settle(reward, undefined);
    const rows = await db().prisma.rateLimiterFlexible.findMany({
      where: { key: { in: [reward, clear] } },
    });
    expect(Object.fromEntries(rows.map((row) => [row.key, row.points]))).toEqual({
      [reward]: 0,
      [clear]: 0,
    });
    expect((await counter.hit([clear, reward], 60)).map((count) => count.points)).toEqual([1, 1]);
  });

  it('does not spend a username budget on an attempt the address budget refused', async () => {
    const limiter = createLoginRateLimiter(createPrismaRateLimitStore(db().prisma), {
      max: 10,
      maxPerAddress: 1,
      windowSeconds: 60,
    });
    const address = `10.7.${randomUUID()}`;
    const victim = `victim-${randomUUID()}`;
    expect((await limiter.consume(`first-${randomUUID()}`, address)).allowed).toBe(true);
    expect((await limiter.consume(victim, address)).allowed).toBe(false);
    const row = await db().prisma.rateLimiterFlexible.findUnique({
      where: { key: `login:user:${victim}` },
    });
    expect(row?.points ?? 0).toBe(0);
  });
});
