import { PrismaClient as PostgresPrismaClient } from './generated/postgresql/client.js';
import { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client.js';
import { createAdapter } from './create-adapter.js';
import { resolveDatabaseUrl } from './resolve-database-url.js';

/**
 * The Prisma client of the stack. Both engines are generated from one data model, so the
 * SQLite client's type describes the PostgreSQL one too.
 */
export type PrismaClient = SqlitePrismaClient;

/**
 * Creates the Prisma client for DATABASE_URL (`file:` SQLite, `postgresql://` PostgreSQL, unset:
 * the embedded SQLite default). Create one per process and share it.
 *
 * @example
 * const prisma = createPrismaClient(config.databaseUrl);
 * await prisma.note.findMany({ where: { ownerSub: 'alice' } });
 * await prisma.$disconnect();
 */
export function createPrismaClient(databaseUrl?: string): PrismaClient {
  const database = resolveDatabaseUrl(databaseUrl);
  const adapter = createAdapter(database);
  if (database.provider === 'sqlite') return new SqlitePrismaClient({ adapter });
  return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
}
