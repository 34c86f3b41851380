import { PrismaClient as PostgresPrismaClient } from './generated/postgresql/client.js';
import { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client.js';
import { createAdapter } from './create-adapter.js';
import { resolveDatabaseUrl } from './resolve-database-url.js';

/**
 * The Prisma client of the stack. Both engines are generated from one data model, so the
 * SQLite client's type describes the PostgreSQL one too.
 */
export type PrismaClient = SqlitePrismaClient;

export interface PrismaClientOptions {
  /**
   * Called with the SQL of every statement the client sends to the database (Prisma's `query`
   * log event): for tests and benchmarks that count database round trips. Off by default.
   */
  readonly onQuery?: (sql: string, params: string) => void;
}

/**
 * Creates the Prisma client for DATABASE_URL (`file:` SQLite, `postgresql://` PostgreSQL, unset:
 * the embedded SQLite default). Create one per process and share it.
 *
 * @example
 * const prisma = createPrismaClient(config.databaseUrl);
 * await prisma.note.findMany({ where: { ownerSub: 'alice' } });
 * await prisma.$disconnect();
 *
 * @example
 * let statements = 0;
 * const counted = createPrismaClient(url, { onQuery: () => (statements += 1) });
 */
export function createPrismaClient(
  databaseUrl?: string,
  options: PrismaClientOptions = {},
): PrismaClient {
  const database = resolveDatabaseUrl(databaseUrl);
  const adapter = createAdapter(database);
  const log = options.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
  const client =
    database.provider === 'sqlite'
      ? new SqlitePrismaClient({ adapter, log })
      : (new PostgresPrismaClient({ adapter, log }) as unknown as PrismaClient);
  const { onQuery } = options;
  if (onQuery) {
    (
      client as unknown as {
        $on(event: 'query', cb: (e: { query: string; params: string }) => void): void;
      }
    ).$on('query', (event) => onQuery(event.query, event.params));
  }
  return client;
}
