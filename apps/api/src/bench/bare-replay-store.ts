/**
 * The bare baseline's DPoP `jti` store, as a hand-written server would keep it: shared, like the
 * API's (a SQLite file through the same libsql driver Prisma's adapter uses, or Redis), with the
 * same one-statement claim — `INSERT … ON CONFLICT DO UPDATE … WHERE expired` on SQLite, `SET NX
 * PX` on Redis — but no ORM and no framework around it. The SQLite file is migrated with the
 * project's own migrations, so the table and its indexes are the API's.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { migrateDatabase } from '@oauth-ref/db';
import { Redis } from 'ioredis';

/** Claims a key until `expiresAt`: true the first time, false while the claim lives. */
export type ClaimKey = (key: string, expiresAt: Date) => Promise<boolean>;

/** A fresh, migrated SQLite database file URL in the temporary directory. */
export async function createBenchDatabase(): Promise<string> {
  const url = `file:${join(mkdtempSync(join(tmpdir(), 'oauth-ref-bench-')), 'bench.db')}`;
  await migrateDatabase(url);
  return url;
}

/**
 * The bare server's replay store: Redis when `redisUrl` is given, else a SQLite file.
 *
 * @example
 * const claim = await createBareReplayStore(undefined);
 * await claim('dpop:abc', new Date(Date.now() + 90_000)); // true, then false
 */
export async function createBareReplayStore(redisUrl: string | undefined): Promise<ClaimKey> {
  if (redisUrl !== undefined) {
    // the API's Redis client options (auto-pipelining), so only the code around it differs
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
    return async (key, expiresAt) =>
      (await redis.set(key, '1', 'PX', Math.max(1, expiresAt.getTime() - Date.now()), 'NX')) ===
      'OK';
  }
  const client = createClient({ url: await createBenchDatabase() });
  // the pragmas Prisma's libsql adapter would run are not needed for one connection
  return async (key, expiresAt) => {
    const result = await client.execute({
      sql: 'INSERT INTO "SeenOnce" ("key", "expiresAt") VALUES (?, ?) ON CONFLICT ("key") DO UPDATE SET "expiresAt" = excluded."expiresAt" WHERE "SeenOnce"."expiresAt" <= ?',
      args: [key, expiresAt.toISOString(), new Date().toISOString()],
    });
    return result.rowsAffected === 1;
  };
}
