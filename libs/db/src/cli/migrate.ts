// npm run db:migrate — applies pending migrations to DATABASE_URL (default: the embedded SQLite).
import { migrateDatabase } from '../migrate/migrate-database.js';
import { resolveDatabaseUrl } from '../resolve-database-url.js';

const target = resolveDatabaseUrl(process.env['DATABASE_URL']);
const { applied } = await migrateDatabase(process.env['DATABASE_URL']);
console.log(
  `${target.redacted}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`,
);
process.exit(0);
