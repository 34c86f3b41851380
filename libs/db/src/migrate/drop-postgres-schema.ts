// Drops the PostgreSQL schema a DATABASE_URL names (`?schema=`, default `public`) with everything
// in it. Used by reset, by scratch and test databases, and by the e2e teardown.
import pg from 'pg';
import { resolveDatabaseUrl } from '../resolve-database-url.js';

/**
 * `DROP SCHEMA … CASCADE` for the schema of a `postgresql://` URL (the name is validated by
 * resolveDatabaseUrl, so it cannot inject SQL).
 *
 * @example
 * await dropPostgresSchema('postgresql://postgres@127.0.0.1:5432/test?schema=e2e_run');
 */
export async function dropPostgresSchema(databaseUrl: string): Promise<void> {
  const database = resolveDatabaseUrl(databaseUrl);
  if (database.provider !== 'postgresql')
    throw new Error('dropPostgresSchema needs a postgresql:// URL');
  const server = new URL(database.url);
  server.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${database.schema ?? 'public'}" CASCADE`);
  } finally {
    await client.end();
  }
}
