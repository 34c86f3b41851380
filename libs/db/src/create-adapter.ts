// One driver adapter per database engine (Prisma 7 runs queries through driver adapters).
// SQLite: libSQL, WAL journal (set by the migrator, persistent in the file) and a busy timeout so
// several processes (provider, API, web) can share the embedded file; every connection runs with
// `synchronous = NORMAL`, the setting SQLite recommends with WAL (a commit no longer waits for an
// fsync of the log; a power cut may lose the last commits, never corrupt the file; an application
// crash loses nothing). PostgreSQL: node-postgres,
// with the schema of `?schema=` used both for Prisma's queries and as the search_path.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Client, Config, TransactionMode } from '@libsql/client';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PoolConfig } from 'pg';
import type { ResolvedDatabaseUrl } from './resolve-database-url.js';

/** How long a SQLite writer waits for another process's lock before failing, in ms. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** Per-connection pragmas of every SQLite connection (the journal mode is kept in the file). */
export const SQLITE_CONNECTION_PRAGMAS: readonly string[] = ['PRAGMA synchronous = NORMAL'];

async function applyPragmas(client: Client): Promise<void> {
  for (const pragma of SQLITE_CONNECTION_PRAGMAS) await client.execute(pragma);
}

/**
 * libSQL opens a new connection after each interactive transaction (the old one goes to the
 * transaction), so the pragmas are applied to the first connection and again after each
 * `transaction()` call, before the client is used again.
 */
class PragmaLibSql extends PrismaLibSql {
  override createClient(config: Config): Client {
    const client = super.createClient(config);
    const ready = applyPragmas(client);
    const transaction = client.transaction.bind(client);
    client.transaction = async (mode?: TransactionMode) => {
      await ready;
      const tx = await transaction(mode);
      await applyPragmas(client);
      return tx;
    };
    return client;
  }
}

/**
 * Builds the Prisma driver adapter factory for a resolved database URL.
 *
 * @example
 * const factory = createAdapter(resolveDatabaseUrl(process.env.DATABASE_URL));
 * const prisma = new PrismaClient({ adapter: factory });
 */
export function createAdapter(
  database: ResolvedDatabaseUrl,
): SqlMigrationAwareDriverAdapterFactory {
  if (database.provider === 'sqlite') {
    mkdirSync(dirname(database.filePath ?? '.'), { recursive: true });
    return new PragmaLibSql({ url: database.url, timeout: SQLITE_BUSY_TIMEOUT_MS } as never);
  }
  return new PrismaPg(postgresPoolConfig(database), { schema: database.schema ?? 'public' });
}

/**
 * node-postgres pool settings for a PostgreSQL URL: `?schema=` becomes the search_path (so raw
 * SQL and migrations land in the same schema as Prisma's qualified queries).
 *
 * @example
 * new pg.Pool(postgresPoolConfig(resolveDatabaseUrl('postgresql://db/app?schema=demo')));
 */
export function postgresPoolConfig(database: ResolvedDatabaseUrl): PoolConfig {
  const url = new URL(database.url);
  url.searchParams.delete('schema');
  return {
    connectionString: url.toString(),
    options: `-c search_path="${database.schema ?? 'public'}"`,
    max: 10,
  };
}
