/**
 * Username + password check for the login page. Unknown users cost the same scrypt work as known
 * ones, and both failures look identical to the caller.
 */
import { dummyPasswordHash, verifyPassword } from './password-hash.js';
import type { UserDirectory } from './user-directory.js';

export async function authenticateUser(
  users: UserDirectory,
  username: string,
  password: string,
): Promise<{ id: string } | undefined> {
  const user = await users.findByUsername(username);
  const ok = await verifyPassword(password, user?.passwordHash ?? dummyPasswordHash);
  return ok && user ? { id: user.id } : undefined;
}
