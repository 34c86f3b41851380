// Runs one suite on SQLite and on PostgreSQL. The PostgreSQL run is skipped — visibly, with the
// reason in its title and on stderr — when the server is unreachable.
import { afterAll, beforeAll, describe } from 'vitest';
import type { DatabaseProvider } from '../resolve-database-url.js';
import { createTestDatabase, type TestDatabase } from './create-test-database.js';
import { probePostgres } from './postgres-availability.js';

/** Why PostgreSQL suites are skipped in this run (`undefined`: they run). */
export const postgresSkipReason: string | undefined = await probePostgres();
if (postgresSkipReason)
  console.warn(`[db tests] skipping PostgreSQL suites: ${postgresSkipReason}`);

/**
 * Declares `body` once per database engine with a fresh migrated database for each.
 *
 * @example
 * describeEachDatabase('notes repository', (db) => {
 *   it('starts empty', async () => expect(await db().prisma.note.count()).toBe(0));
 * });
 */
export function describeEachDatabase(
  title: string,
  body: (database: () => TestDatabase, provider: DatabaseProvider) => void,
): void {
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const skip = provider === 'postgresql' ? postgresSkipReason : undefined;
    const name = skip ? `${title} [${provider}] (skipped: ${skip})` : `${title} [${provider}]`;
    describe.skipIf(skip !== undefined)(name, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(provider);
      }, 60_000);
      afterAll(async () => {
        await database?.dispose();
      });
      body(() => {
        if (!database) throw new Error('the test database is not ready yet');
        return database;
      }, provider);
    });
  }
}
