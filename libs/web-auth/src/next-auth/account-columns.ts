/**
 * next-auth spreads the whole token response into the Account it links (`...tokens`), so a
 * provider that adds fields (`refresh_expires_in`, `not-before-policy`, `expires_in`) would make
 * Prisma reject the write. Only the columns of the Account model are kept.
 */
import type { Account } from 'next-auth';

const ACCOUNT_COLUMNS = [
  'userId',
  'type',
  'provider',
  'providerAccountId',
  'refresh_token',
  'access_token',
  'expires_at',
  'token_type',
  'scope',
  'id_token',
  'session_state',
] as const;

export type AccountColumns = { [K in (typeof ACCOUNT_COLUMNS)[number]]?: unknown };

/**
 * @example
 * pickAccountFields({ provider: 'oauth-ref', access_token: 'x', 'not-before-policy': 0 }); // { provider: 'oauth-ref', access_token: 'x' }
 */
export function pickAccountFields(account: Account | Record<string, unknown>): AccountColumns {
  const source = account as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const column of ACCOUNT_COLUMNS) {
    if (source[column] !== undefined) picked[column] = source[column];
  }
  if (typeof picked.token_type === 'string') picked.token_type = picked.token_type.toLowerCase();
  return picked;
}

/** The token columns refreshed on every sign-in (next-auth v4 only writes them on first link). */
export function pickTokenColumns(account: Account | Record<string, unknown>) {
  const { access_token, refresh_token, id_token, expires_at, scope, token_type, session_state } =
    pickAccountFields(account);
  return {
    access_token: (access_token as string | undefined) ?? null,
    refresh_token: (refresh_token as string | undefined) ?? null,
    id_token: (id_token as string | undefined) ?? null,
    expires_at: (expires_at as number | undefined) ?? null,
    scope: (scope as string | undefined) ?? null,
    token_type: (token_type as string | undefined) ?? null,
    session_state: (session_state as string | undefined) ?? null,
  };
}
