/**
 * Issue 12: budgets shared by every instance (database on SQLite and PostgreSQL, and Redis),
 * per subject and per client after authentication, per address before it; requests fired truly
 * in parallel over two API instances, counts asserted exactly.
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '@oauth-ref/db/testing';
import { startTestIssuer, type TestIssuer } from '@oauth-ref/nest-bearer-auth/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdRedisLock, redisSkipReason, testRedisUrl } from '@oauth-ref/db/testing/redis';
import { AUDIENCE, startTestApi, type TestApi } from './testing/start-test-api.js';

const WEB_CLIENT = 'oauth-ref-web';
const LIMITS = {
  RATE_LIMIT_MAX: '6',
  RATE_LIMIT_SUBJECT_MAX: '8',
  RATE_LIMIT_CLIENT_MAX: '12',
  RATE_LIMIT_WEB_CLIENT_ID: WEB_CLIENT,
  RATE_LIMIT_WEB_CLIENT_MAX: '1000',
  RATE_LIMIT_WINDOW_SECONDS: '60',
};

function count(statuses: readonly number[], status: number): number {
  return statuses.filter((value) => value === status).length;
}

function rateLimitSuite(database: () => TestDatabase, env: Record<string, string>): void {
  let issuer: TestIssuer;
  let first: TestApi;
  let second: TestApi;

  beforeAll(async () => {
    issuer = await startTestIssuer({ audience: AUDIENCE });
    first = await startTestApi({ database: database(), issuer, env: { ...LIMITS, ...env } });
    second = await startTestApi({ database: database(), issuer, env: { ...LIMITS, ...env } });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await issuer?.close();
  });

  /** `times` requests at once, alternating between the two instances. */
  const burst = (times: number, init: Parameters<TestApi['fetch']>[1] = {}) =>
    Promise.all(
      Array.from({ length: times }, (_, index) =>
        (index % 2 === 0 ? first : second).fetch('/me', init),
      ),
    );
  // every test uses fresh subjects and clients: counters persist in the shared store
  const tokenFor = (sub: string, clientId: string) =>
    issuer.issueAccessToken({ claims: { sub, client_id: clientId } });

  it('one subject has ONE budget across both instances: 8 of 14 parallel requests pass', async () => {
    const token = await tokenFor(`user-${randomUUID()}`, `client-${randomUUID()}`);
    const responses = await burst(14, { token });
    const statuses = responses.map((response) => response.status);
    expect(count(statuses, 200)).toBe(8);
    expect(count(statuses, 429)).toBe(6);
    const limited = responses.find((response) => response.status === 429) as Response;
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(await limited.json()).toEqual({
      error: 'too_many_requests',
      error_description: 'Too many requests; retry later',
      code: 'rate_limit_subject',
    });
  });

  it('through the web client, user A exhausting their budget leaves user B untouched', async () => {
    const alice = await tokenFor(`alice-${randomUUID()}`, WEB_CLIENT);
    const bob = await tokenFor(`bob-${randomUUID()}`, WEB_CLIENT);
    const aliceStatuses = (await burst(20, { token: alice })).map((response) => response.status);
    expect(count(aliceStatuses, 200)).toBe(8);
    expect(count(aliceStatuses, 429)).toBe(12);
    const bobStatuses = (await burst(8, { token: bob })).map((response) => response.status);
    expect(bobStatuses).toEqual(Array.from({ length: 8 }, () => 200));
  });

  it('any other client has one budget for all its users (12), the web client a larger one', async () => {
    const client = `client-${randomUUID()}`;
    const users = await Promise.all(
      Array.from({ length: 4 }, () => tokenFor(`user-${randomUUID()}`, client)),
    );
    const responses = await Promise.all(
      users.flatMap((token) => Array.from({ length: 4 }, () => first.fetch('/me', { token }))),
    );
    const statuses = responses.map((response) => response.status);
    expect(count(statuses, 200)).toBe(12);
    expect(count(statuses, 429)).toBe(4);
    const codes = await Promise.all(
      responses
        .filter((response) => response.status === 429)
        .map(async (response) => ((await response.json()) as { code: string }).code),
    );
    expect(new Set(codes)).toEqual(new Set(['rate_limit_client']));
  });

  it('before authentication the address is limited: 6 of 10 parallel anonymous requests get 401', async () => {
    const statuses = (await burst(10)).map((response) => response.status);
    expect(count(statuses, 401)).toBe(6);
    expect(count(statuses, 429)).toBe(4);
  });

  it('refused credentials count against the address; valid ones do not', async () => {
    const statuses = (await burst(4, { token: 'not-a-jwt' })).map((response) => response.status);
    expect(count(statuses, 429)).toBe(4);
    const token = await tokenFor(`user-${randomUUID()}`, WEB_CLIENT);
    expect((await first.fetch('/me', { token })).status).toBe(200);
  });
}

describeEachDatabase('rate limits across two API instances on one database', (database) => {
  rateLimitSuite(database, {});
});

describe.skipIf(redisSkipReason !== undefined)(
  `rate limits across two API instances on one Redis${redisSkipReason ? ` (skipped: ${redisSkipReason})` : ''}`,
  () => {
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = await createTestDatabase('sqlite');
    });
    afterAll(async () => {
      await database?.dispose();
    });
    let release: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      // The address budget is keyed by the loopback address, which every run on this machine
      // shares, and Redis outlives runs: hold the budget alone (another checkout's tests may be
      // running), then start it from zero.
      release = await holdRedisLock(testRedisUrl, 'api-address-budget');
      const redis = new Redis(testRedisUrl);
      await redis.del('api-address:127.0.0.1', 'api-address:::ffff:127.0.0.1');
      await redis.quit();
    });
    afterAll(async () => {
      await release?.();
    });
    rateLimitSuite(() => database as TestDatabase, { REDIS_URL: testRedisUrl });
  },
);
