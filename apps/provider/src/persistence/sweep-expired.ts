/**
 * The sweeper: deletes expired `OidcPayload` rows (reads already ignore them; this keeps the table
 * small) and expired rate-limit windows. Safe to run on every instance at once.
 */
import type { OidcPayloadRepository } from './oidc-payload-repository.js';
import type { ProviderPrisma } from './provider-prisma.js';

export async function sweepExpired(
  repository: OidcPayloadRepository,
  prisma: ProviderPrisma,
  now: Date = new Date(),
): Promise<{ payloads: number; rateLimitWindows: number }> {
  const payloads = await repository.deleteExpired(now);
  const { count } = await prisma.rateLimitWindow.deleteMany({ where: { resetAt: { lt: now } } });
  return { payloads, rateLimitWindows: count };
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
