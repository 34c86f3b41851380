/**
 * One Prisma client per server process (kept on globalThis so dev hot reloads do not open a new
 * pool each time).
 *
 * `@oauth-ref/db` is loaded by Node at run time, not bundled: it is a workspace package (a symlink,
 * so `serverExternalPackages` does not apply) whose code locates the workspace with
 * `import.meta.url` and loads Prisma's driver adapters, none of which survive bundling.
 */
import type { PrismaClient } from '@oauth-ref/db';
import { config } from '../config/config';

type DbModule = typeof import('@oauth-ref/db');

const holder = globalThis as typeof globalThis & { __oauthRefWebPrisma?: Promise<PrismaClient> };

export function getPrisma(): Promise<PrismaClient> {
  holder.__oauthRefWebPrisma ??= (
    import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ '@oauth-ref/db'
    ) as Promise<DbModule>
  ).then((db) => db.createPrismaClient(config.databaseUrl));
  return holder.__oauthRefWebPrisma;
}
