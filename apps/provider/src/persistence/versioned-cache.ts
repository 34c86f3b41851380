/**
 * A per-instance cache of rows that change rarely (client metadata, users), kept correct across
 * instances by a shared version row (shared-version.ts):
 * - `invalidate()` empties it at once (the instance that writes calls it, so it sees its own change);
 * - every `checkIntervalMs` it reads the shared version, which every write changes in its own
 *   transaction; a new value empties the cache. That interval bounds how long another instance's
 *   change can go unseen;
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
  /** Checks the shared version now (also run on the timer). */
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

  const invalidate = () => {
    values.clear();
    generation += 1;
  };

  async function checkVersion(): Promise<void> {
    try {
      const current = await options.readVersion();
      if (current !== version) {
        invalidate();
        version = current;
      }
      trusted = true;
    } catch (error) {
      invalidate();
      trusted = false;
      options.onError(error);
    }
  }

  await checkVersion();
  const timer = setInterval(() => void checkVersion(), options.checkIntervalMs);
  timer.unref();

  return {
    async get(key, load) {
      const cached = values.get(key);
      if (cached !== undefined && trusted) return cached;
      const started = generation;
      const value = await load();
      if (value !== undefined && trusted && started === generation) values.set(key, value);
      return value;
    },
    invalidate,
    checkVersion,
    stop: () => clearInterval(timer),
  };
}
