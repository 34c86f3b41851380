/**
 * Fixed-window login rate limiting on the shared `RateLimitWindow` table, so every instance counts
 * the same attempts. Failed attempts are counted per client address and per username.
 */
import type { ProviderPrisma } from '../persistence/provider-prisma.js';

export interface RateLimitPolicy {
  readonly max: number;
  readonly windowSeconds: number;
}

/** True when the key has used up its attempts in the current window. */
export async function isRateLimited(
  prisma: ProviderPrisma,
  key: string,
  policy: RateLimitPolicy,
  now = new Date(),
): Promise<boolean> {
  const row = await prisma.rateLimitWindow.findUnique({ where: { key } });
  return !!row && row.resetAt > now && row.count >= policy.max;
}

/** Counts one attempt against the key (a new window starts when the old one has ended). */
export async function recordAttempt(
  prisma: ProviderPrisma,
  key: string,
  policy: RateLimitPolicy,
  now = new Date(),
): Promise<void> {
  const { count } = await prisma.rateLimitWindow.updateMany({
    where: { key, resetAt: { gt: now } },
    data: { count: { increment: 1 } },
  });
  if (count > 0) return;
  const resetAt = new Date(now.getTime() + policy.windowSeconds * 1000);
  await prisma.rateLimitWindow.upsert({
    where: { key },
    create: { key, count: 1, resetAt },
    update: { count: 1, resetAt },
  });
}
