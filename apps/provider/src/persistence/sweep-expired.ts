/**
 * The sweeper: deletes expired `OidcPayload` rows (reads already ignore them; this keeps the table
 * small), expired rate-limit counters (`RateLimiterFlexible`) and expired single-use markers
 * (`SeenOnce`). Safe to run on every instance at once.
 */
import type { OidcPayloadRepository } from './oidc-payload-repository.js';
import type { ProviderPrisma } from './provider-prisma.js';

export async function sweepExpired(
  repository: OidcPayloadRepository,
  prisma: ProviderPrisma,
  now: Date = new Date(),
): Promise<{ payloads: number; rateLimitCounters: number; seenOnce: number }> {
  const payloads = await repository.deleteExpired(now);
  const counters = await prisma.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } });
  const seen = await prisma.seenOnce.deleteMany({ where: { expiresAt: { lt: now } } });
  return { payloads, rateLimitCounters: counters.count, seenOnce: seen.count };
}

/** Runs `sweepExpired` every `intervalSeconds`; returns a stop function. Errors are reported, not thrown. */
export function startSweeper(
  repository: OidcPayloadRepository,
  prisma: ProviderPrisma,
  intervalSeconds: number,
  onError: (error: unknown) => void,
): () => void {
  const timer = setInterval(() => {
    sweepExpired(repository, prisma).catch(onError);
  }, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
