/**
 * Single use across every instance: the first caller to insert a key into the shared `SeenOnce`
 * table wins; every later (or concurrent) caller hits the primary key and is refused. The row
 * lives until `expiresAt`, after which the sweeper deletes it.
 */
import { createHash } from 'node:crypto';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';

/** True the first time `value` is presented in this namespace before `expiresAt`, false after. */
export async function consumeOnce(
  prisma: ProviderPrisma,
  namespace: string,
  value: string,
  expiresAt: Date,
): Promise<boolean> {
  const key = `${namespace}:${createHash('sha256').update(value).digest('base64url')}`;
  // One raw statement rather than the model's `create` + catching its unique violation: the same
  // atomic insert-if-absent (the primary key decides, whatever runs concurrently), without the
  // model layer's query planning and result mapping, and without building an error for a replay.
  // `expiresAt` is bound as the rate limiter binds its dates, so the sweeper's model `deleteMany`
  // compares the same representation.
  const inserted = await prisma.$executeRaw`
    INSERT INTO "SeenOnce" ("key", "expiresAt") VALUES (${key}, ${expiresAt})
    ON CONFLICT ("key") DO NOTHING`;
  return inserted === 1;
}
