// Drops everything in the database (the SQLite file's tables, or the PostgreSQL schema named by
// the URL) and migrates it again from scratch. Development and tests only.
import { rmSync } from 'node:fs';
import { resolveDatabaseUrl } from '../resolve-database-url.js';
import { dropPostgresSchema } from './drop-postgres-schema.js';
import { migrateDatabase, type MigrationResult } from './migrate-database.js';

/**
 * Deletes all data and schema, then applies every migration.
 *
 * @example
 * await resetDatabase('file:.data/test.db');
 */
export async function resetDatabase(databaseUrl?: string): Promise<MigrationResult> {
  const database = resolveDatabaseUrl(databaseUrl);
  if (database.provider === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      rmSync(`${database.filePath}${suffix}`, { force: true });
    }
  } else {
    await dropPostgresSchema(database.url);
  }
  return migrateDatabase(databaseUrl);
}
