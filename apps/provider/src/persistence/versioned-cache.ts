/**
 * A per-instance cache of rows that change rarely (client metadata, users), kept correct across
 * instances by a shared version row (shared-version.ts):
 * - `invalidate()` empties it at once (the instance that writes calls it, so it sees its own change);
 * - every `checkIntervalMs` it reads the shared version, which every write changes in its own
 *   transaction; a new value empties the cache. That interval bounds how long another instance's
 *   change can go unseen, and the bound holds when the timer runs late (a busy event loop, a slow
 *   version read): a cached value is served only while the last check that succeeded started less
 *   than `checkIntervalMs` ago; past that, the request waits for a check (one, shared by all
 *   requests waiting) first. So a request that starts `checkIntervalMs` after a change sees it;
 * - a failed check empties the cache and stops caching until a check succeeds, so an instance that
 *   cannot verify never serves what may be stale;
 * - a load that started before an invalidation is not stored (a generation counter), so a slow
 *   read racing a change cannot put the old row back.
 * Absent rows (`undefined`) are not cached.
 */
export interface VersionedCacheOptions {
  /** Reads the shared version (changes with every write of the cached table). */
  readonly readVersion: () => Promise<string>;
  /** How often the version is checked; the bound on how stale another instance's view can be. */
  readonly checkIntervalMs: number;
  readonly onError: (error: unknown) => void;
}

export interface VersionedCache<V> {
  /** The cached value for `key`, or what `load` returns (stored when the cache is trusted). */
  get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined>;
  invalidate(): void;
  /** Returns once a version check started now or later has succeeded, or one has failed. */
  checkVersion(): Promise<void>;
  stop(): void;
}

export async function createVersionedCache<V>(
  options: VersionedCacheOptions,
): Promise<VersionedCache<V>> {
  const values = new Map<string, V>();
  let generation = 0;
  let version: string | undefined;
  let trusted = false;
  /** When the last check that succeeded started: what it read is at least that recent. */
  let verifiedAt = Number.NEGATIVE_INFINITY;
  let checking: Promise<void> | undefined;

  const invalidate = () => {
    values.clear();
    generation += 1;
  };

  async function readAndCompare(): Promise<void> {
    const started = performance.now();
    try {
      const current = await options.readVersion();
      if (current !== version) {
        invalidate();
        version = current;
      }
      trusted = true;
      verifiedAt = started;
    } catch (error) {
      invalidate();
      trusted = false;
      options.onError(error);
    }
  }

  /** One check at a time: the timer and the requests waiting for a check share it. */
  function sharedCheck(): Promise<void> {
    checking ??= readAndCompare().finally(() => {
      checking = undefined;
    });
    return checking;
  }

  /**
   * Waits until a check that started at `time` or later has succeeded. A check already running
   * may have started earlier: then one more follows it. A failed check ends the wait (nothing is
   * served from the cache until a check succeeds).
   */
  async function verifiedSince(time: number): Promise<void> {
    do {
      await sharedCheck();
    } while (trusted && verifiedAt < time);
  }

  await sharedCheck();
  const timer = setInterval(() => void sharedCheck(), options.checkIntervalMs);
  timer.unref();

  return {
    async get(key, load) {
      const oldestAllowed = performance.now() - options.checkIntervalMs;
      if (verifiedAt < oldestAllowed) await verifiedSince(oldestAllowed);
      const cached = values.get(key);
      if (cached !== undefined && trusted) return cached;
      const started = generation;
      const value = await load();
      if (value !== undefined && trusted && started === generation) values.set(key, value);
      return value;
    },
    invalidate,
    checkVersion: () => verifiedSince(performance.now()),
    stop: () => clearInterval(timer),
  };
}
