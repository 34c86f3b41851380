/**
 * The shared version of the client table: a `ProviderSecret` row whose value changes (a fresh
 * random value) in the same transaction as every write of a `Client` payload, whoever writes it
 * (admin API, dynamic registration, the seed CLI). Instances that cache client metadata read this
 * one row on a timer and drop their cache when it changed.
 */
import { randomUUID } from 'node:crypto';
import type { ProviderPrisma } from './provider-prisma.js';

export const CLIENT_VERSION_ROW = 'client-metadata-version';

/** The write that marks the client table changed (to run in the same transaction as the change). */
export function bumpClientVersion(
  prisma: ProviderPrisma,
): ReturnType<ProviderPrisma['providerSecret']['upsert']> {
  const value = randomUUID();
  return prisma.providerSecret.upsert({
    where: { name: CLIENT_VERSION_ROW },
    create: { name: CLIENT_VERSION_ROW, value },
    update: { value },
  });
}

/** The current version (empty before the first client write). */
export async function readClientVersion(prisma: ProviderPrisma): Promise<string> {
  const row = await prisma.providerSecret.findUnique({
    where: { name: CLIENT_VERSION_ROW },
    select: { value: true },
  });
  return row?.value ?? '';
}
