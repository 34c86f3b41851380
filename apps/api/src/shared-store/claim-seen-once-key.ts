/**
 * Insert-or-ignore on the shared `SeenOnce` table, in ONE statement that both engines run
 * atomically (SQLite ≥ 3.24 and PostgreSQL share the `ON CONFLICT` syntax): the key is inserted
 * when it is new, or taken over when the row left there has expired; a live row is left alone.
 * The affected-row count says which happened, so a race between instances has exactly one winner
 * and no error path: the primary key decides. Raw SQL because the model API would need a
 * failing insert (an exception) plus a conditional delete and a second insert for the same
 * answer — measured with `npm run bench:api`, it cost a third of a DPoP request's CPU on SQLite.
 */
import type { PrismaClient } from '@oauth-ref/db';

/**
 * Claims `key` until `expiresAt`; resolves `true` when this call claimed it (new or expired),
 * `false` when a live claim holds it.
 *
 * @example
 * await claimSeenOnceKey(prisma, 'dpop:abc', new Date(Date.now() + 90_000)); // true, then false
 */
export async function claimSeenOnceKey(
  prisma: PrismaClient,
  key: string,
  expiresAt: Date,
  now: Date = new Date(),
): Promise<boolean> {
  const claimed = await prisma.$executeRaw`
    INSERT INTO "SeenOnce" ("key", "expiresAt") VALUES (${key}, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET "expiresAt" = excluded."expiresAt"
    WHERE "SeenOnce"."expiresAt" <= ${now}`;
  return claimed === 1;
}
