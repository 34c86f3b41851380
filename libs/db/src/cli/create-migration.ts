// npm run db:migration:create -- <name>
import { createMigration } from '../migrate/create-migration.js';

const name = process.argv[2];
if (!name) {
  console.error('usage: npm run db:migration:create -- <name>');
  process.exit(2);
}
const written = await createMigration({ name });
console.log(
  written.length ? `created ${written.join(', ')}` : 'schema unchanged: no migration created',
);
// The WebAssembly engine keeps a handle open after it is freed.
process.exit(0);
