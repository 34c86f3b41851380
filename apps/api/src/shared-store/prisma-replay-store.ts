/**
 * The DPoP `jti` replay cache in the shared database (RFC 9449 §11.1), table `SeenOnce`:
 * `markUsed` is ONE insert on the primary key, so of two instances racing with the same proof
 * exactly one succeeds (the other gets a unique violation, Prisma `P2002`). A row left behind by
 * an expired window is replaced; a sweeper deletes expired rows of our namespace every minute.
 */
import type { PrismaClient } from '@oauth-ref/db';
import type { ReplayStore } from '@oauth-ref/nest-bearer-auth';

/** Every key this store writes starts with this (the table is shared with the provider). */
export const REPLAY_KEY_PREFIX = 'dpop:';

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
  );
}

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
  const insert = async (key: string, expiresAt: Date): Promise<boolean> => {
    try {
      await prisma.seenOnce.create({ data: { key, expiresAt } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  };
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
    async markUsed(key, expiresAt) {
      if (await insert(key, expiresAt)) return true;
      // the key is taken: by a live entry (a replay), or by one whose window is over
      const { count } = await prisma.seenOnce.deleteMany({
        where: { key, expiresAt: { lte: new Date() } },
      });
      return count > 0 && insert(key, expiresAt);
    },
    sweep,
    close: () => clearInterval(timer),
  };
}
