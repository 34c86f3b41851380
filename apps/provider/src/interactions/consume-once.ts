/**
 * Single use across every instance: the first caller to insert a key into the shared `SeenOnce`
 * table wins; every later (or concurrent) caller hits the primary key and is refused. The row
 * lives until `expiresAt`, after which the sweeper deletes it.
 */
import { createHash } from 'node:crypto';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}

/** True the first time `value` is presented in this namespace before `expiresAt`, false after. */
export async function consumeOnce(
  prisma: ProviderPrisma,
  namespace: string,
  value: string,
  expiresAt: Date,
): Promise<boolean> {
  const key = `${namespace}:${createHash('sha256').update(value).digest('base64url')}`;
  try {
    await prisma.seenOnce.create({ data: { key, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
