/**
 * Client metadata cached per instance in front of the payload repository: the engine reads the
 * client on every request that names one (each token grant, each authorization request), and a
 * client changes rarely. Every other model passes straight through.
 *
 * Every `Client` write changes the shared client version in its own transaction (see
 * prisma-oidc-payload-repository.ts); a write made through this repository also empties this
 * instance's cache at once. So another instance serves the old metadata for at most
 * `checkIntervalMs` (see versioned-cache.ts), the writing instance not at all.
 */
import type { OidcPayloadRepository, OidcPayloadRow } from './oidc-payload-repository.js';
import { createVersionedCache, type VersionedCacheOptions } from './versioned-cache.js';

const CLIENT = 'Client';

export interface ClientCachingRepository extends OidcPayloadRepository {
  /** Checks the shared version now (also run on the timer); resolves when done. */
  checkVersion(): Promise<void>;
  stop(): void;
}

export async function createClientCachingRepository(
  inner: OidcPayloadRepository,
  options: VersionedCacheOptions,
): Promise<ClientCachingRepository> {
  const cache = await createVersionedCache<OidcPayloadRow>(options);
  return {
    ...inner,
    async find(model, id) {
      if (model !== CLIENT) return inner.find(model, id);
      return (await cache.get(id, async () => (await inner.find(model, id)) ?? undefined)) ?? null;
    },
    async upsert(row) {
      if (row.model !== CLIENT) return inner.upsert(row);
      try {
        await inner.upsert(row);
      } finally {
        cache.invalidate();
      }
    },
    async destroy(model, id) {
      if (model !== CLIENT) return inner.destroy(model, id);
      try {
        await inner.destroy(model, id);
      } finally {
        cache.invalidate();
      }
    },
    checkVersion: cache.checkVersion,
    stop: cache.stop,
  };
}
