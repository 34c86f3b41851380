/**
 * The engine's `findAccount`: users live in `ProviderUser`; `id` is the OIDC `sub`. Claims are
 * released per scope by the engine using the `claims` map in the engine configuration. Reads go
 * through the user directory's cache (user-directory.ts).
 */
import type { Account, FindAccount } from 'oidc-provider';
import type { UserDirectory } from './user-directory.js';

export function createFindAccount(users: UserDirectory): FindAccount {
  return async (_ctx, sub): Promise<Account | undefined> => {
    const user = await users.findById(sub);
    if (!user) return undefined;
    return {
      accountId: user.id,
      async claims() {
        return {
          sub: user.id,
          name: user.name,
          given_name: user.givenName ?? undefined,
          family_name: user.familyName ?? undefined,
          preferred_username: user.username,
          email: user.email,
          email_verified: user.emailVerified,
        };
      },
    };
  };
}
