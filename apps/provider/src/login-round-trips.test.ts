/**
 * Database round trips per operation, counted from the statements the Prisma client sends (its
 * `query` events): a full sign-in (authorization request, login page, password, consent page,
 * callback, code + PKCE + DPoP redemption, as the mobile app does) and a client_credentials grant.
 *
 * Issue #16's target for a sign-in is 15; the budget below is what the provider reaches today, on
 * SQLite and PostgreSQL alike (36 before the changes of issue #16's provider part, then 24):
 *
 * | request                          | statements                                              |
 * | -------------------------------- | ------------------------------------------------------- |
 * | GET /auth                        | 1: interaction written                                  |
 * | GET /interaction/:uid            | 1: interaction (+ session) prefetched                   |
 * | POST /interaction/:uid/login     | 5: prefetch, CSRF marker, rate limit (both keys),       |
 * |                                  |    rate-limit settle, interaction written               |
 * | GET /auth/:uid (after login)     | 2: prefetch; old interaction destroyed, new interaction |
 * |                                  |    and session written, together                        |
 * | GET /interaction/:uid            | 1: prefetch                                             |
 * | POST /interaction/:uid/confirm   | 3: prefetch, CSRF marker, grant + interaction written   |
 * | GET /auth/:uid (after consent)   | 2: prefetch with the consent's grant; writes together   |
 * | POST /token                      | 4: code with its grant, atomic consume, DPoP jti        |
 * |                                  |    (atomic), refresh token written                      |
 *
 * How: clients and users cached per instance (users by sub and by username); each artefact read
 * once per request, the ones the request names (URL uid, session cookie) prefetched in one read,
 * and a code's, a token's or a consented interaction's grant read with it (request-memo.ts,
 * prefetch-hints.ts); the engine's writes deferred to one statement before the response, destroys
 * written as tombstones (unit of work, request-memo.ts); the login rate limiter counting both keys
 * in one statement (database-attempt-counter.ts).
 *
 * Why 19 and not 15: the sign-in is 8 requests. Seven need a read (all but the first) and six a
 * write (all but the two pages), 13 statements. The other 6 are atomic check-and-set steps, each
 * on its own condition: two single-use CSRF markers, the rate limit and its settle after the
 * password check, the code consumption and the DPoP replay marker. Folding one into a neighbour
 * takes one statement writing two tables (SQLite cannot; PostgreSQL can, with writable CTEs), a
 * write returning the request's reads through subqueries in its RETURNING clause (both can, in SQL
 * that no longer reads as what it does), or deciding a step before the engine asks for it (say,
 * consuming a code before its PKCE verifier is checked). The test fails when a change adds any. Not counted: each instance's two background reads a second of the cache versions
 * (shared-version.ts), whatever the load.
 */
import { createPrismaClient } from '@oauth-ref/db';
import { describeEachDatabase } from '@oauth-ref/db/testing';
import { machineClient } from '@oauth-ref/demo-config';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startProviderApp, type ProviderApp } from './app.js';
import { loadConfig } from './config/config.js';
import { createLogger } from './logging/logger.js';
import { seedProvider } from './seed/seed-provider.js';
import { freePort } from './testing/free-port.js';
import { basicAuth, mobileTokens, tokenRequest } from './testing/oauth-flows.js';

export const LOGIN_ROUND_TRIP_BUDGET = 19;

describeEachDatabase('database round trips', (db) => {
  let app: ProviderApp;
  let issuer: string;
  const statements: string[] = [];
  let counting = false;
  const prisma = () => app.prisma;

  beforeAll(async () => {
    await seedProvider(db().prisma);
    const port = await freePort();
    issuer = `http://localhost:${port}`;
    const config = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      OAUTH_ISSUER: issuer,
      DATABASE_URL: db().url,
      LOG_LEVEL: 'silent',
      // As in production: demo mode would add the seeded-user list to the login page.
      DEMO_MODE: 'false',
    });
    const counted = createPrismaClient(db().url, {
      onQuery: (sql, params) => {
        // The per-instance cache version checks (two reads a second, whatever the load) are not
        // part of any request.
        if (/"(client-metadata|user)-version"/.test(params)) return;
        if (counting) statements.push(`${sql.slice(0, 60)} ${params.slice(0, 40)}`);
      },
    });
    app = await startProviderApp({ config, prisma: counted, logger: createLogger('silent') });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await prisma()?.$disconnect();
  });

  async function count(operation: () => Promise<unknown>): Promise<string[]> {
    statements.length = 0;
    counting = true;
    try {
      await operation();
    } finally {
      counting = false;
    }
    return [...statements];
  }

  it(`a full sign-in (code + PKCE + DPoP) takes at most ${LOGIN_ROUND_TRIP_BUDGET} round trips`, async () => {
    await mobileTokens(issuer); // warm: clients and the user are read once per instance
    let status = 0;
    const seen = await count(async () => {
      status = (await mobileTokens(issuer)).tokens.status;
    });
    expect(status).toBe(200);
    expect(seen.length, seen.join('\n')).toBeLessThanOrEqual(LOGIN_ROUND_TRIP_BUDGET);
  });

  it('a client_credentials grant makes no round trip once the client is cached', async () => {
    const auth = basicAuth(machineClient.clientId, machineClient.clientSecret!);
    const grant = () =>
      tokenRequest(issuer, { grant_type: 'client_credentials', scope: 'notes:stats' }, auth);
    expect((await grant()).status).toBe(200);
    let status = 0;
    const seen = await count(async () => {
      status = (await grant()).status;
    });
    expect(status).toBe(200);
    expect(seen, seen.join('\n')).toEqual([]);
  });
});
