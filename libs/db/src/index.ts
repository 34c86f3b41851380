import { Prisma } from './generated/sqlite/client.js';

export { createAdapter, SQLITE_BUSY_TIMEOUT_MS } from './create-adapter.js';
export { CliUsageError, runCli } from './cli/run-cli.js';
export type { CliDefinition } from './cli/run-cli.js';
export { DatabaseUnavailableError, explainDatabaseError } from './explain-database-error.js';
export type { DatabaseProblem } from './explain-database-error.js';
export { createPrismaClient } from './create-prisma-client.js';
export type { PrismaClient, PrismaClientOptions } from './create-prisma-client.js';
/**
 * Prisma's tagged template for raw SQL, its list joiner and its empty fragment (the same runtime
 * functions for both generated clients): compose statements of any length with every value a
 * bound parameter.
 */
export const { sql, join, empty } = Prisma;
export { createMigration } from './migrate/create-migration.js';
export type { CreateMigrationOptions } from './migrate/create-migration.js';
export { dropPostgresSchema } from './migrate/drop-postgres-schema.js';
export { loadMigrations, migrationsDirectory } from './migrate/load-migrations.js';
export { MigrationError, migrateDatabase } from './migrate/migrate-database.js';
export type { MigrationResult } from './migrate/migrate-database.js';
export { resetDatabase } from './migrate/reset-database.js';
export { DatabaseUrlError, defaultSqlitePath, resolveDatabaseUrl } from './resolve-database-url.js';
export type { DatabaseProvider, ResolvedDatabaseUrl } from './resolve-database-url.js';
export { workspaceRoot } from './workspace-root.js';
export type * from './generated/sqlite/models.js';
