/**
 * Creating and deleting provider users (seed and admin API). Every write changes the shared user
 * version in the same transaction and empties this process's user caches (user-directory.ts).
 */
import { randomUUID } from 'node:crypto';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';
import { bumpSharedVersion, USER_VERSION } from '../persistence/shared-version.js';
import { hashPassword } from './password-hash.js';
import { invalidateLocalUserCaches } from './user-directory.js';

export interface NewUser {
  readonly sub?: string;
  readonly username: string;
  readonly password: string;
  readonly email: string;
  readonly name: string;
  readonly givenName?: string;
  readonly familyName?: string;
  readonly emailVerified?: boolean;
  readonly seeded?: boolean;
}

/** Creates or updates a user by `sub` (idempotent); the password is stored as a scrypt hash only. */
export async function upsertUser(prisma: ProviderPrisma, user: NewUser): Promise<{ id: string }> {
  const id = user.sub ?? randomUUID();
  const data = {
    username: user.username,
    email: user.email,
    name: user.name,
    givenName: user.givenName ?? null,
    familyName: user.familyName ?? null,
    emailVerified: user.emailVerified ?? true,
    passwordHash: await hashPassword(user.password),
    seeded: user.seeded ?? false,
  };
  try {
    await prisma.$transaction([
      prisma.providerUser.upsert({ where: { id }, create: { id, ...data }, update: data }),
      bumpSharedVersion(prisma, USER_VERSION),
    ]);
  } finally {
    invalidateLocalUserCaches();
  }
  return { id };
}

export async function deleteUser(prisma: ProviderPrisma, id: string): Promise<boolean> {
  try {
    const [{ count }] = await prisma.$transaction([
      prisma.providerUser.deleteMany({ where: { id } }),
      bumpSharedVersion(prisma, USER_VERSION),
    ]);
    return count > 0;
  } finally {
    invalidateLocalUserCaches();
  }
}

export async function listSeededUsers(
  prisma: ProviderPrisma,
): Promise<{ id: string; username: string; name: string }[]> {
  return prisma.providerUser.findMany({
    where: { seeded: true },
    select: { id: true, username: true, name: true },
    orderBy: { username: 'asc' },
  });
}
