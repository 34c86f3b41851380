// npm run db:reset — drops and recreates DATABASE_URL's schema (default: the embedded SQLite).
import { resetDatabase } from '../migrate/reset-database.js';
import { resolveDatabaseUrl } from '../resolve-database-url.js';

const target = resolveDatabaseUrl(process.env['DATABASE_URL']);
const { applied } = await resetDatabase(process.env['DATABASE_URL']);
console.log(`${target.redacted}: reset, applied ${applied.join(', ')}`);
process.exit(0);
