/**
 * The Redis the tests use (TEST_REDIS_URL, default the local one). Where it is unreachable, Redis
 * suites are reported as skipped with the reason — never silently passed — unless
 * REQUIRE_REDIS=1, where unreachability is a failure.
 */
import { Redis } from 'ioredis';

export const testRedisUrl: string = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

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
    const reason = `Redis unreachable at ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}`;
    if (process.env['REQUIRE_REDIS'] === '1') throw new Error(reason, { cause: error });
    return reason;
  } finally {
    client.disconnect();
  }
}

/** Why Redis suites are skipped in this run (`undefined`: they run). */
export const redisSkipReason: string | undefined = await probeRedis();
if (redisSkipReason) console.warn(`[redis tests] skipping Redis suites: ${redisSkipReason}`);
