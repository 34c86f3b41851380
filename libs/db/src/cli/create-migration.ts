// npm run db:migration:create -- <name>
import { createMigration } from '../migrate/create-migration.js';
import { CliUsageError, runCli } from './run-cli.js';

await runCli({
  usage: `Usage: npm run db:migration:create -- <name>

Compares prisma/schema.prisma with the migrations and writes a new migration named <name>
for SQLite and for PostgreSQL (nothing when the schema is unchanged).`,
  allowPositionals: true,
  run: async ({ positionals }) => {
    const [name, ...extra] = positionals;
    if (!name || extra.length > 0) throw new CliUsageError('give exactly one migration name');
    const written = await createMigration({ name });
    console.log(
      written.length ? `created ${written.join(', ')}` : 'schema unchanged: no migration created',
    );
  },
});
