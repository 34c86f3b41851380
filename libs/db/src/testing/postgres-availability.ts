// PostgreSQL tests run against a real server (TEST_POSTGRES_URL, default the local one). Where it
// is unreachable they are reported as skipped with the reason — never silently passed — unless
// REQUIRE_POSTGRES=1 (CI), where unreachability is a failure.
import pg from 'pg';
import { unreachableUnlessRequired } from './unreachable.js';

/** The server PostgreSQL tests use; each test database is its own schema there. */
export const testPostgresUrl: string =
  process.env['TEST_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test';

/**
 * Why PostgreSQL tests cannot run here, or `undefined` when they can.
 *
 * @example
 * const reason = await probePostgres();
 * if (reason) console.warn(`skipping PostgreSQL tests: ${reason}`);
 */
export async function probePostgres(url = testPostgresUrl): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return unreachableUnlessRequired('PostgreSQL', url, error, 'REQUIRE_POSTGRES');
  } finally {
    await client.end().catch(() => undefined);
  }
}
