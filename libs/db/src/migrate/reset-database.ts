// Drops everything in the database (the SQLite file's tables, or the PostgreSQL schema named by
// the URL) and migrates it again from scratch. Development and tests only.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { resolveDatabaseUrl } from '../resolve-database-url.js';
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
    const url = new URL(database.url);
    url.searchParams.delete('schema');
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${database.schema ?? 'public'}" CASCADE`);
    } finally {
      await client.end();
    }
  }
  return migrateDatabase(databaseUrl);
}
