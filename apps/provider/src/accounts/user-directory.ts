/**
 * Where the provider reads its users. The engine asks for the account on most steps of a sign-in
 * (after login, on the consent page, when the code is issued, when it is redeemed); those reads by
 * `sub` are served from a per-instance cache, kept correct across instances by the shared user
 * version (every write through user-store.ts changes it in its own transaction and empties this
 * process's caches at once; other instances see it within `checkIntervalMs`, see
 * versioned-cache.ts). A deleted or changed user is therefore never served for longer than that.
 *
 * Reads by username (the login form) are cached the same way, so a sign-in by a user this
 * instance has seen makes no user read at all. A username that matches nobody is not cached
 * (absent rows never are, so guessed names cannot fill memory) and is read every time; the extra
 * read (well under a millisecond) is lost in the password hash's own variance, which both paths
 * pay in full (authenticate-user.ts), and the rate limits keep anyone from averaging it out.
 */
import type { ProviderUserModel } from '@oauth-ref/db';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';
import { readSharedVersion, USER_VERSION } from '../persistence/shared-version.js';
import { createVersionedCache, type VersionedCache } from '../persistence/versioned-cache.js';

export type UserRow = ProviderUserModel;

export interface UserDirectory {
  findById(id: string): Promise<UserRow | undefined>;
  findByUsername(username: string): Promise<UserRow | undefined>;
  /** Checks the shared user version now (also run on the timer). */
  checkVersion(): Promise<void>;
  stop(): void;
}

/** Caches of this process, emptied at once by a write made here (see user-store.ts). */
const localCaches = new Set<VersionedCache<UserRow>>();

export function invalidateLocalUserCaches(): void {
  for (const cache of localCaches) cache.invalidate();
}

export async function createUserDirectory(
  prisma: ProviderPrisma,
  options: { checkIntervalMs: number; onError: (error: unknown) => void },
): Promise<UserDirectory> {
  const cache = await createVersionedCache<UserRow>({
    readVersion: () => readSharedVersion(prisma, USER_VERSION),
    ...options,
  });
  localCaches.add(cache);
  return {
    findById: (id) =>
      cache.get(
        `id:${id}`,
        async () => (await prisma.providerUser.findUnique({ where: { id } })) ?? undefined,
      ),
    async findByUsername(username) {
      const user = await cache.get(
        `username:${username}`,
        async () => (await prisma.providerUser.findUnique({ where: { username } })) ?? undefined,
      );
      if (user) await cache.get(`id:${user.id}`, async () => user);
      return user;
    },
    checkVersion: cache.checkVersion,
    stop() {
      cache.stop();
      localCaches.delete(cache);
    },
  };
}
