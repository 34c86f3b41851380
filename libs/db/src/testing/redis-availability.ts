// Redis tests (the shared rate-limit and DPoP replay stores) run against a real server
// (TEST_REDIS_URL, default the local one). Where it is unreachable they are reported as skipped
// with the reason — never silently passed — unless REQUIRE_REDIS=1 (CI), where unreachability is
// a failure. The same rule as PostgreSQL's (postgres-availability.ts).
import { Redis } from 'ioredis';
import { unreachableUnlessRequired } from './unreachable.js';

/** The server Redis tests use. */
export const testRedisUrl: string = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Why Redis tests cannot run here, or `undefined` when they can.
 *
 * @example
 * const reason = await probeRedis();
 * if (reason) console.warn(`skipping Redis tests: ${reason}`);
 */
export async function probeRedis(url = testRedisUrl): Promise<string | undefined> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return unreachableUnlessRequired('Redis', url, error, 'REQUIRE_REDIS');
  } finally {
    client.disconnect();
  }
}
