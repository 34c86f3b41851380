/**
 * Whether the test Redis (127.0.0.1:6379, or TEST_REDIS_URL) answers. Redis suites are skipped
 * visibly, with the reason in their title, when it does not — as the PostgreSQL suites are —
 * unless REQUIRE_REDIS=1 (CI), where unreachability is a failure.
 */
import { Redis } from 'ioredis';

export const testRedisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function probeRedis(): Promise<string | undefined> {
  const redis = new Redis(testRedisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1000,
  });
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    const reason = `Redis unreachable at ${testRedisUrl}: ${error instanceof Error ? error.message : String(error)}`;
    if (process.env['REQUIRE_REDIS'] === '1') {
      throw new Error(`${reason} (REQUIRE_REDIS=1 makes this a failure)`, { cause: error });
    }
    return reason;
  } finally {
    redis.disconnect();
  }
}

/** Why Redis suites are skipped in this run (`undefined`: they run). */
export const redisSkipReason: string | undefined = await probeRedis();
if (redisSkipReason) console.warn(`[api tests] skipping Redis suites: ${redisSkipReason}`);
