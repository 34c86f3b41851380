/**
 * The keys that sign the provider's cookies, shared by every instance through `ProviderSecret`
 * (generated on first run, never committed). Newest first, as Koa's keygrip expects.
 */
import { randomBytes } from 'node:crypto';
import type { ProviderPrisma } from './provider-prisma.js';

const NAME = 'cookie-keys';

export async function ensureCookieKeys(prisma: ProviderPrisma): Promise<string[]> {
  const existing = await prisma.providerSecret.findUnique({ where: { name: NAME } });
  if (existing) return JSON.parse(existing.value) as string[];
  const keys = [randomBytes(32).toString('base64url')];
  try {
    await prisma.providerSecret.create({ data: { name: NAME, value: JSON.stringify(keys) } });
    return keys;
  } catch {
    const raced = await prisma.providerSecret.findUnique({ where: { name: NAME } });
    if (!raced) throw new Error('cookie keys could not be stored');
    return JSON.parse(raced.value) as string[];
  }
}
