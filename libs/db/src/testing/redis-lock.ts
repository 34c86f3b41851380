// Redis outlives a test run and is shared by whatever else runs on the machine: another checkout's
// tests, a CI run beside a developer's. A suite whose keys cannot be made unique to its run (a
// budget keyed by the loopback address, say) holds a lock around them, so such runs take turns.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

export interface RedisLockOptions {
  /** How long a holder that died keeps the lock (default 120 s). */
  readonly leaseMs?: number;
  /** How long to wait for it before failing (default 180 s). */
  readonly waitMs?: number;
  /** How often to try again (default 100 ms). */
  readonly retryMs?: number;
}

/** Deletes the lock only if this holder still owns it. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/**
 * Waits until `name` is free on the Redis at `url`, takes it, and returns its release.
 *
 * @example
 * const release = await holdRedisLock(testRedisUrl, 'api-address-budget');
 * try { … } finally { await release(); }
 */
export async function holdRedisLock(
  url: string,
  name: string,
  { leaseMs = 120_000, waitMs = 180_000, retryMs = 100 }: RedisLockOptions = {},
): Promise<() => Promise<void>> {
  const redis = new Redis(url);
  const key = `test-lock:${name}`;
  const token = randomUUID();
  const deadline = Date.now() + waitMs;
  try {
    while ((await redis.set(key, token, 'PX', leaseMs, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new Error(`Redis lock ${key} still held after ${waitMs} ms`);
      await sleep(retryMs);
    }
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  return async () => {
    try {
      await redis.eval(RELEASE, 1, key, token);
    } finally {
      await redis.quit().catch(() => redis.disconnect());
    }
  };
}
