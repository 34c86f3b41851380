// `@oauth-ref/db/testing/redis`: what a Redis suite imports. Its own entry, not `./testing`, because
// it probes Redis on import: a suite that never touches Redis must not need it, even under
// REQUIRE_REDIS=1.
import { probeRedis } from './redis-availability.js';

export { probeRedis, testRedisUrl } from './redis-availability.js';
export { holdRedisLock, type RedisLockOptions } from './redis-lock.js';

/**
 * Why Redis suites are skipped in this run (`undefined`: they run).
 *
 * @example
 * describe.skipIf(redisSkipReason !== undefined)(
 *   `replay store on Redis${redisSkipReason ? ` (skipped: ${redisSkipReason})` : ''}`,
 *   () => { … },
 * );
 */
export const redisSkipReason: string | undefined = await probeRedis();
if (redisSkipReason) console.warn(`[redis tests] skipping Redis suites: ${redisSkipReason}`);
