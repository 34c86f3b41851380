/**
 * RFC 9449 §11.1: a resource server must not accept a proof's `jti` twice within the window in
 * which it accepts the proof. The store is what makes "twice" mean "on any instance": the API
 * passes one backed by its shared database or Redis. `markUsed` is insert-or-fail in ONE atomic
 * operation (a primary-key insert, `SET NX`), never read-then-write.
 */

/** A set of keys that each may be added once until they expire, shared by every instance. */
export interface ReplayStore {
  /**
   * Adds `key` until `expiresAt`; resolves `true` when it was not there (first use), `false`
   * when it was (a replay). Must be atomic across every process sharing the store.
   */
  markUsed(key: string, expiresAt: Date): Promise<boolean>;
}

/**
 * An in-process store, for ONE instance only (tests, a single-process deployment): with several
 * instances a replay sent to another one would pass. Expired keys are dropped as keys are added.
 *
 * @example
 * const store = createMemoryReplayStore();
 * await store.markUsed('dpop:abc', new Date(Date.now() + 60_000)); // true
 * await store.markUsed('dpop:abc', new Date(Date.now() + 60_000)); // false
 */
export function createMemoryReplayStore(): ReplayStore {
  const seen = new Map<string, number>();
  let nextSweep = 0;
  return {
    markUsed(key, expiresAt) {
      const now = Date.now();
      if (now >= nextSweep) {
        for (const [entry, until] of seen) if (until <= now) seen.delete(entry);
        nextSweep = now + 10_000;
      }
      const until = seen.get(key);
      if (until !== undefined && until > now) return Promise.resolve(false);
      seen.set(key, expiresAt.getTime());
      return Promise.resolve(true);
    },
  };
}
