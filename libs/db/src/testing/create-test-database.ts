// A fresh, fully migrated database per test suite: a temporary SQLite file, or a new schema on the
// test PostgreSQL server. `dispose()` disconnects and deletes it.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaClient, type PrismaClient } from '../create-prisma-client.js';
import { dropPostgresSchema } from '../migrate/drop-postgres-schema.js';
import { migrateDatabase } from '../migrate/migrate-database.js';
import type { DatabaseProvider } from '../resolve-database-url.js';
import { testPostgresUrl } from './postgres-availability.js';

/** A migrated, empty database that belongs to one test suite. */
export interface TestDatabase {
  readonly provider: DatabaseProvider;
  /** DATABASE_URL for child processes (e.g. a second provider instance). */
  readonly url: string;
  readonly prisma: PrismaClient;
  dispose(): Promise<void>;
}

/**
 * Creates and migrates a throwaway database.
 *
 * @example
 * const db = await createTestDatabase('postgresql');
 * await db.prisma.note.count(); // 0
 * await db.dispose();
 */
export async function createTestDatabase(provider: DatabaseProvider): Promise<TestDatabase> {
  let url: string;
  let remove: () => Promise<void>;
  if (provider === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'oauth-ref-db-'));
    url = `file:${join(folder, 'test.db')}`;
    remove = async () => rmSync(folder, { recursive: true, force: true });
  } else {
    const server = new URL(testPostgresUrl);
    server.searchParams.set(
      'schema',
      `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`,
    );
    url = server.toString();
    remove = () => dropPostgresSchema(url);
  }
  await migrateDatabase(url);
  const prisma = createPrismaClient(url);
  return {
    provider,
    url,
    prisma,
    async dispose() {
      await prisma.$disconnect();
      await remove();
    },
  };
}
