import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { holdRedisLock, redisSkipReason, testRedisUrl } from './redis.js';

describe.skipIf(redisSkipReason !== undefined)(
  `a test lock on Redis${redisSkipReason ? ` (skipped: ${redisSkipReason})` : ''}`,
  () => {
    it('makes a second holder wait until the first releases', async () => {
      const name = `lock-test-${randomUUID()}`;
      const events: string[] = [];
      const releaseFirst = await holdRedisLock(testRedisUrl, name);
      const second = holdRedisLock(testRedisUrl, name, { retryMs: 10 }).then((release) => {
        events.push('second holds');
        return release;
      });
      await sleep(200);
      events.push('first releases');
      await releaseFirst();
      await (
        await second
      )();
      expect(events).toEqual(['first releases', 'second holds']);
    });

    it('frees the lock of a holder that never released once its lease ends', async () => {
      const name = `lock-test-${randomUUID()}`;
      const releaseDead = await holdRedisLock(testRedisUrl, name, { leaseMs: 300 });
      const startedWaiting = Date.now();
      const releaseNext = await holdRedisLock(testRedisUrl, name, { retryMs: 10 });
      expect(Date.now() - startedWaiting).toBeGreaterThanOrEqual(250);
      // The late release of the expired holder leaves the new holder's lock in place.
      await releaseDead();
      await expect(holdRedisLock(testRedisUrl, name, { waitMs: 200, retryMs: 10 })).rejects.toThrow(
        /still held/,
      );
      await releaseNext();
    });
  },
);
