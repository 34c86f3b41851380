// npm run db:migrate — applies pending migrations to DATABASE_URL (default: the embedded SQLite).
import { migrateDatabase } from '../migrate/migrate-database.js';
import { resolveDatabaseUrl } from '../resolve-database-url.js';
import { runCli } from './run-cli.js';

await runCli({
  usage: `Usage: npm run db:migrate

Applies the pending migrations to the database named by DATABASE_URL:
  unset                              the embedded SQLite file .data/oauth-ref.db
  file:./path.db                     another SQLite file
  postgresql://user:pw@host:5432/db?schema=name
                                     PostgreSQL (the schema is required and created if missing)`,
  databaseUrl: () => process.env['DATABASE_URL'],
  run: async () => {
    const target = resolveDatabaseUrl(process.env['DATABASE_URL']);
    const { applied } = await migrateDatabase(process.env['DATABASE_URL']);
    console.log(
      `${target.redacted}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`,
    );
  },
});
