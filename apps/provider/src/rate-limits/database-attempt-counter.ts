/**
 * Fixed-window attempt counters on the shared `RateLimiterFlexible` table, each decision in ONE
 * statement whatever the number of keys (SQLite ≥ 3.35 and PostgreSQL share the
 * `INSERT … ON CONFLICT … DO UPDATE … RETURNING` syntax).
 *
 * A hit adds one point to every key at once: a new key, or one whose window has ended, starts a
 * window of `windowSeconds` at 1; a live one counts up. The database applies each row's update
 * under that row's lock (PostgreSQL) or the file's write lock (SQLite), so concurrent hits on one
 * key, from any instance, get consecutive counts: exactly `max` of them see `points <= max`, as
 * with rate-limiter-flexible's RateLimiterPrisma (which this replaces on the database store, and
 * which needed a delete of expired rows plus an upsert per key: four statements for two keys).
 *
 * Rows keep rate-limiter-flexible's layout (`<prefix>:<key>`, `points`, `expire`), so the sweeper
 * and the tests read them as before.
 */
import { join, sql } from '@oauth-ref/db';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';

/** A key's count after a hit, and how long until its window ends. */
export interface AttemptCount {
  readonly key: string;
  readonly points: number;
  readonly msBeforeNext: number;
}

export interface AttemptCounter {
  /** Adds one point to each key (windows of `windowSeconds`), in the order given. */
  hit(keys: readonly string[], windowSeconds: number): Promise<AttemptCount[]>;
  /**
   * Gives one point back to `reward` (never below 0) and ends the window of `clear` (its next hit
   * starts afresh, as after a delete), in one statement. A key whose window has already ended is
   * left alone.
   */
  settle(reward: string | undefined, clear: string | undefined): Promise<void>;
}

interface CountRow {
  key: string;
  points: number | bigint;
  expire: Date | string | number | null;
}

function toDate(value: CountRow['expire']): Date | undefined {
  if (value === null) return undefined;
  return value instanceof Date ? value : new Date(value);
}

export function createDatabaseAttemptCounter(
  prisma: ProviderPrisma,
  clock: () => number = Date.now,
): AttemptCounter {
  return {
    async hit(keys, windowSeconds) {
      const now = new Date(clock());
      const windowEnd = new Date(now.getTime() + windowSeconds * 1000);
      // A NULL `expire` (never written by us) counts as an ended window rather than a counter
      // that could never reset. Keys are counted in the order given (the login limiter's address,
      // then its username), every value a bound parameter.
      if (keys.length === 0) throw new RangeError('attempt counter: no key to count');
      const rows = await prisma.$queryRaw<CountRow[]>`
        INSERT INTO "RateLimiterFlexible" ("key", "points", "expire")
        VALUES ${join(keys.map((key) => sql`(${key}, 1, ${windowEnd})`))}
        ON CONFLICT ("key") DO UPDATE SET
          "points" = CASE WHEN "RateLimiterFlexible"."expire" > ${now}
            THEN "RateLimiterFlexible"."points" + 1 ELSE 1 END,
          "expire" = CASE WHEN "RateLimiterFlexible"."expire" > ${now}
            THEN "RateLimiterFlexible"."expire" ELSE excluded."expire" END
        RETURNING "key", "points", "expire"`;
      const byKey = new Map(rows.map((row) => [row.key, row]));
      return keys.map((key) => {
        const row = byKey.get(key);
        if (!row) throw new Error(`attempt counter: no row returned for ${key}`);
        const expire = toDate(row.expire) ?? windowEnd;
        // A concurrent hit may have read its clock after ours and still opened the window first,
        // so the window can end a little more than one window after our `now`: never report
        // more than a window (Retry-After would say 61 for a 60-second window).
        return {
          key,
          points: Number(row.points),
          msBeforeNext: Math.min(
            windowSeconds * 1000,
            Math.max(0, expire.getTime() - now.getTime()),
          ),
        };
      });
    },
    async settle(reward, clear) {
      const now = new Date(clock());
      if (reward === undefined && clear === undefined) return;
      // A key that is not given is passed as NULL, which no `IN` matches.
      await prisma.$executeRaw`
        UPDATE "RateLimiterFlexible" SET
          "points" = CASE WHEN "key" = ${clear ?? null} THEN 0
            WHEN "points" > 0 THEN "points" - 1 ELSE 0 END,
          "expire" = CASE WHEN "key" = ${clear ?? null} THEN ${now} ELSE "expire" END
        WHERE "key" IN (${reward ?? null}, ${clear ?? null}) AND "expire" > ${now}`;
    },
  };
}
