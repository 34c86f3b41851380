/**
 * A per-instance cache of client metadata in front of the payload repository: the engine reads the
 * client on every request that names one (each token grant, each authorization request), and a
 * client changes rarely. Every other model passes straight through.
 *
 * Invalidation, so a change is seen by every instance within `checkIntervalMs` (plus one query):
 * - a `Client` write made through this repository empties the cache at once (the writing instance
 *   sees its own change immediately);
 * - every `checkIntervalMs` the instance reads the shared client version (one row, see
 *   client-version.ts), which every client write changes in its own transaction; a new value
 *   empties the cache;
 * - a failed check empties the cache and stops caching until a check succeeds, so a database the
 *   instance cannot verify against never serves stale metadata;
 * - a read that started before an invalidation is not stored (a generation counter), so a slow
 *   read racing a change cannot put the old row back.
 */
import type { OidcPayloadRepository, OidcPayloadRow } from './oidc-payload-repository.js';

const CLIENT = 'Client';

export interface ClientCacheOptions {
  /** Reads the shared client version (changes with every client write). */
  readonly readVersion: () => Promise<string>;
  /** How often the version is checked; the bound on how stale another instance's view can be. */
  readonly checkIntervalMs: number;
  readonly onError: (error: unknown) => void;
}

export interface ClientCachingRepository extends OidcPayloadRepository {
  /** Checks the shared version now (also run on the timer); resolves when done. */
  checkVersion(): Promise<void>;
  stop(): void;
}

export async function createClientCachingRepository(
  inner: OidcPayloadRepository,
  options: ClientCacheOptions,
): Promise<ClientCachingRepository> {
  const rows = new Map<string, OidcPayloadRow>();
  let generation = 0;
  let version: string | undefined;
  let trusted = false;

  const invalidate = () => {
    rows.clear();
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
    ...inner,
    async find(model, id) {
      if (model !== CLIENT) return inner.find(model, id);
      const cached = rows.get(id);
      if (cached && trusted) return cached;
      const started = generation;
      const row = await inner.find(model, id);
      if (row && trusted && started === generation) rows.set(id, row);
      return row;
    },
    async upsert(row) {
      if (row.model !== CLIENT) return inner.upsert(row);
      try {
        await inner.upsert(row);
      } finally {
        invalidate();
      }
    },
    async destroy(model, id) {
      if (model !== CLIENT) return inner.destroy(model, id);
      try {
        await inner.destroy(model, id);
      } finally {
        invalidate();
      }
    },
    checkVersion,
    stop: () => clearInterval(timer),
  };
}
