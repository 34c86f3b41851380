/**
 * Username + password check for the login page. Unknown users cost the same scrypt work as known
 * ones, and both failures look identical to the caller.
 */
import type { ProviderPrisma } from '../persistence/provider-prisma.js';
import { dummyPasswordHash, verifyPassword } from './password-hash.js';

export async function authenticateUser(
  prisma: ProviderPrisma,
  username: string,
  password: string,
): Promise<{ id: string } | undefined> {
  const user = await prisma.providerUser.findUnique({ where: { username } });
  const ok = await verifyPassword(password, user?.passwordHash ?? dummyPasswordHash);
  return ok && user ? { id: user.id } : undefined;
}
