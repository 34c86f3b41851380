// Applies the pending migrations of prisma/<engine>/migrations, recording them in the
// `_prisma_migrations` table exactly as `prisma migrate deploy` does, so teams can switch to the
// Prisma CLI at any time. SQLite files are switched to WAL so several processes can read while one
// writes; PostgreSQL schemas named by `?schema=` are created first.
import pg from 'pg';
import { createPrismaClient } from '../create-prisma-client.js';
import { resolveDatabaseUrl, type ResolvedDatabaseUrl } from '../resolve-database-url.js';
import { loadMigrations } from './load-migrations.js';
import { withSchemaEngine } from './open-schema-engine.js';

/** What a migration run did. */
export interface MigrationResult {
  readonly provider: ResolvedDatabaseUrl['provider'];
  readonly applied: readonly string[];
}

/** Thrown when the engine refuses a migration; the message names it, never the URL's password. */
export class MigrationError extends Error {
  readonly code = 'ERR_MIGRATION';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

async function ensurePostgresSchema(database: ResolvedDatabaseUrl): Promise<void> {
  const url = new URL(database.url);
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${database.schema ?? 'public'}"`);
  } finally {
    await client.end();
  }
}

async function enableWal(database: ResolvedDatabaseUrl): Promise<void> {
  const prisma = createPrismaClient(database.url);
  try {
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Brings a database up to date with the migrations of its engine.
 *
 * @example
 * const { applied } = await migrateDatabase(process.env.DATABASE_URL);
 * console.log(applied.length ? `applied ${applied.join(', ')}` : 'up to date');
 */
export async function migrateDatabase(databaseUrl?: string): Promise<MigrationResult> {
  const database = resolveDatabaseUrl(databaseUrl);
  if (database.provider === 'postgresql') await ensurePostgresSchema(database);
  else await enableWal(database);
  const migrationsList = loadMigrations(database.provider);
  try {
    const output = await withSchemaEngine(database, (engine) =>
      engine.applyMigrations({
        migrationsList,
        filters: { externalTables: [], externalEnums: [] },
      }),
    );
    return { provider: database.provider, applied: output.appliedMigrationNames };
  } catch (error) {
    throw new MigrationError(
      `migrating ${database.redacted} failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
