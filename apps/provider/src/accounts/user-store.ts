/** Creating and deleting provider users (seed and admin API). */
import { randomUUID } from 'node:crypto';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';
import { hashPassword } from './password-hash.js';

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
  await prisma.providerUser.upsert({ where: { id }, create: { id, ...data }, update: data });
  return { id };
}

export async function deleteUser(prisma: ProviderPrisma, id: string): Promise<boolean> {
  const { count } = await prisma.providerUser.deleteMany({ where: { id } });
  return count > 0;
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
