/**
 * The login route counts each attempt before the password check, and each form token works once:
 * guesses fired truly in parallel (each with its own login page, as an attacker scripting many
 * pages would) reach the password check exactly as often as the budget allows. A request that
 * reached the password check answers 401 (wrong password); one refused before it answers 429.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseProvider } from '@oauth-ref/db';
import { postgresSkipReason } from '@oauth-ref/db/testing';
import { Browser, hiddenField } from '../testing/browser.js';
import { alice, authorizationUrl, bob, pkcePair } from '../testing/oauth-flows.js';
import { redisSkipReason, testRedisUrl } from '@oauth-ref/db/testing/redis';
import { startTestProvider, type TestProvider } from '../testing/start-test-provider.js';

async function openLogin(issuer: string) {
  const browser = new Browser(issuer);
  const response = await browser.follow(
    await browser.get(authorizationUrl(issuer, { state: 's', nonce: 'n', pkce: pkcePair() })),
  );
  const html = await response.text();
  const uid = /action="\/interaction\/([^"/]+)\/login"/.exec(html)?.[1];
  if (!uid) throw new Error(html.slice(0, 300));
  return { browser, uid, csrf: hiddenField(html, 'csrf') };
}

/** Opens `count` login pages first, then submits all their forms at once. */
async function guessAtOnce(
  issuers: readonly string[],
  count: number,
  username: (index: number) => string,
) {
  const pages = [];
  for (let index = 0; index < count; index += 1)
    pages.push(await openLogin(issuers[index % issuers.length]!));
  const responses = await Promise.all(
    pages.map(({ browser, uid, csrf }, index) =>
      browser.postForm(`/interaction/${uid}/login`, {
        csrf,
        username: username(index),
        password: `wrong-guess-${index}`,
      }),
    ),
  );
  const statuses = responses.map((response) => response.status);
  return {
    responses,
    checked: statuses.filter((status) => status === 401).length,
    limited: statuses.filter((status) => status === 429).length,
  };
}

const databases: { provider: DatabaseProvider; skip: string | undefined }[] = [
  { provider: 'sqlite', skip: undefined },
  { provider: 'postgresql', skip: postgresSkipReason },
];

for (const { provider: database, skip } of databases) {
  const title = skip
    ? `login rate limit over HTTP [${database}] (skipped: ${skip})`
    : `login rate limit over HTTP [${database}]`;
  describe.skipIf(skip !== undefined)(title, () => {
    let provider: TestProvider;
    beforeAll(async () => {
      provider = await startTestProvider({
        database,
        logLevel: 'warn',
        env: { LOGIN_RATE_LIMIT_MAX: '10', LOGIN_RATE_LIMIT_MAX_PER_ADDRESS: '1000' },
      });
    });
    afterAll(async () => provider?.stop());

    it.each([
      [25, alice.username],
      [80, bob.username],
    ])(
      'lets exactly 10 of %i parallel guesses for one username reach the password check',
      async (count, username) => {
        const result = await guessAtOnce([provider.issuer], count, () => username);
        expect(result.checked).toBe(10);
        expect(result.limited).toBe(count - 10);
        const refused = result.responses.find((response) => response.status === 429)!;
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await refused.text()).toContain('Too many sign-in attempts');
      },
    );

    it('accepts each form token once, also when the same form is posted ten times at once', async () => {
      const { browser, uid, csrf } = await openLogin(provider.issuer);
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          browser.postForm(`/interaction/${uid}/login`, {
            csrf,
            username: 'nobody-in-particular',
            password: 'wrong',
          }),
        ),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([401, ...Array<number>(9).fill(403)]);
      const again = await browser.postForm(`/interaction/${uid}/login`, {
        csrf,
        username: 'nobody-in-particular',
        password: 'wrong',
      });
      expect(again.status).toBe(403);
    });
  });
}

describe('login rate limit per address over HTTP', () => {
  let provider: TestProvider;
  beforeAll(async () => {
    provider = await startTestProvider({
      logLevel: 'warn',
      env: { LOGIN_RATE_LIMIT_MAX: '10', LOGIN_RATE_LIMIT_MAX_PER_ADDRESS: '50' },
    });
  });
  afterAll(async () => provider?.stop());

  it('lets exactly 50 of 80 parallel guesses from one address (80 usernames) reach the password check', async () => {
    const result = await guessAtOnce([provider.issuer], 80, (index) => `spray-${index}`);
    expect(result.checked).toBe(50);
    expect(result.limited).toBe(30);
  });
});

const redisTitle = redisSkipReason
  ? `login rate limit on two instances sharing Redis (skipped: ${redisSkipReason})`
  : 'login rate limit on two instances sharing Redis';
describe.skipIf(redisSkipReason !== undefined)(redisTitle, () => {
  let first: TestProvider;
  let second: TestProvider;
  beforeAll(async () => {
    const env = {
      REDIS_URL: testRedisUrl,
      LOGIN_RATE_LIMIT_MAX: '10',
      LOGIN_RATE_LIMIT_MAX_PER_ADDRESS: '1000',
    };
    first = await startTestProvider({ logLevel: 'warn', env });
    second = await startTestProvider({ logLevel: 'warn', env, db: first.db });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('spends one budget: 40 parallel guesses split over both instances, exactly 10 checked', async () => {
    // Redis outlives this run and may serve others at the same time (another checkout's tests, a
    // stack on REDIS_URL): a username nobody else guesses at, so its budget is this test's alone.
    // Unknown names are counted and hashed like real ones, so the route answers the same.
    const username = `shared-${randomUUID()}`;
    const result = await guessAtOnce([first.issuer, second.issuer], 40, () => username);
    expect(result.checked).toBe(10);
    expect(result.limited).toBe(30);
    expect(
      await first.db.prisma.rateLimiterFlexible.count({ where: { key: { startsWith: 'login:' } } }),
    ).toBe(0);
  });
});
