// Reads a Prisma migrations folder (the standard layout the Prisma CLI writes and reads:
// <dir>/<timestamp>_<name>/migration.sql plus migration_lock.toml) into the list the schema
// engine takes. Each engine has its own folder: prisma/sqlite/migrations, prisma/postgresql/migrations.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import type { DatabaseProvider } from '../resolve-database-url.js';
import { workspaceRoot } from '../workspace-root.js';

/**
 * The migrations folder of one database engine.
 *
 * @example
 * migrationsDirectory('sqlite'); // '<repo>/prisma/sqlite/migrations'
 */
export function migrationsDirectory(provider: DatabaseProvider): string {
  return join(workspaceRoot, 'prisma', provider, 'migrations');
}

/**
 * Loads every migration of one engine, oldest first.
 *
 * @example
 * const list = loadMigrations('postgresql');
 * list.migrationDirectories.map((m) => m.path); // ['20261123000000_init', ...]
 */
export function loadMigrations(
  provider: DatabaseProvider,
  baseDir = migrationsDirectory(provider),
): MigrationList {
  const lockPath = join(baseDir, 'migration_lock.toml');
  const directories = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((path) => ({
      path,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(baseDir, path, 'migration.sql'), 'utf8') },
      },
    })),
  };
}
