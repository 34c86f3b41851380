/**
 * The DPoP `jti` replay cache in the shared database (RFC 9449 §11.1), table `SeenOnce`:
 * `markUsed` is ONE insert-or-ignore on the primary key (`claim-seen-once-key.ts`), so of two
 * instances racing with the same proof exactly one claims it. A row left behind by an expired
 * window is taken over in the same statement; a sweeper deletes expired rows of our namespace
 * every minute.
 */
import type { PrismaClient } from '@oauth-ref/db';
import type { ReplayStore } from '@oauth-ref/nest-bearer-auth';
import { claimSeenOnceKey } from './claim-seen-once-key.js';

/** Every key this store writes starts with this (the table is shared with the provider). */
export const REPLAY_KEY_PREFIX = 'dpop:';

export interface PrismaReplayStore extends ReplayStore {
  /** Deletes expired keys of our namespace; resolves with how many. */
  sweep(now?: Date): Promise<number>;
  /** Stops the periodic sweep (application shutdown). */
  close(): void;
}

/**
 * A replay store on the `SeenOnce` table, swept every `sweepEveryMs`.
 *
 * @example
 * const store = createPrismaReplayStore(prisma);
 * await store.markUsed('dpop:abc', new Date(Date.now() + 90_000)); // true, then false
 */
export function createPrismaReplayStore(
  prisma: PrismaClient,
  sweepEveryMs = 60_000,
): PrismaReplayStore {
  const sweep = async (now = new Date()) =>
    (
      await prisma.seenOnce.deleteMany({
        where: { key: { startsWith: REPLAY_KEY_PREFIX }, expiresAt: { lte: now } },
      })
    ).count;
  const timer = setInterval(() => {
    sweep().catch(() => undefined);
  }, sweepEveryMs);
  timer.unref();
  return {
    markUsed: (key, expiresAt) => claimSeenOnceKey(prisma, key, expiresAt),
    sweep,
    close: () => clearInterval(timer),
  };
}
