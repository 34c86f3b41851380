/**
 * Shared version rows: a `ProviderSecret` row per cached table whose value changes (a fresh random
 * value) in the same transaction as every write to that table, whoever writes it (admin API,
 * dynamic registration, the seed CLI). Instances that cache the table read this one row on a
 * timer and drop their cache when it changed (see versioned-cache.ts).
 */
import { randomUUID } from 'node:crypto';
import type { ProviderPrisma } from './provider-prisma.js';

/** The version row of client metadata (`Client` payloads). */
export const CLIENT_VERSION = 'client-metadata-version';
/** The version row of provider users. */
export const USER_VERSION = 'user-version';

/** The write that marks `name`'s table changed (run it in the same transaction as the change). */
export function bumpSharedVersion(
  prisma: ProviderPrisma,
  name: string,
): ReturnType<ProviderPrisma['providerSecret']['upsert']> {
  const value = randomUUID();
  return prisma.providerSecret.upsert({
    where: { name },
    create: { name, value },
    update: { value },
  });
}

/** The current version of `name` (empty before the first write). */
export async function readSharedVersion(prisma: ProviderPrisma, name: string): Promise<string> {
  const row = await prisma.providerSecret.findUnique({ where: { name }, select: { value: true } });
  return row?.value ?? '';
}
