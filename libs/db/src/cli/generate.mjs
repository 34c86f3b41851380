// Writes prisma/sqlite/schema.prisma and prisma/postgresql/schema.prisma from the one data model
// (prisma/models.prisma) and generates a Prisma client for each into src/generated/.
//
// Plain JavaScript on purpose: it runs before anything in the workspace is compiled.
// `prisma generate` does not run the schema engine, but the CLI insists on locating one; the
// native engine cannot be downloaded on offline machines, so we point it at a placeholder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeSchema, providers } from './compose-schema.mjs';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`Usage: npm run db:generate [-- --check]

Writes prisma/sqlite/schema.prisma and prisma/postgresql/schema.prisma from prisma/models.prisma
and generates a Prisma client for each into libs/db/src/generated/ (npm install runs it).

Options:
  --check      only report whether the engine schemas are stale (exit 1 if they are)
  -h, --help   this help`);
  process.exit(0);
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const prismaDir = join(repoRoot, 'prisma');
const models = readFileSync(join(prismaDir, 'models.prisma'), 'utf8');
const checkOnly = process.argv.includes('--check');

let stale = false;
for (const provider of providers) {
  const schemaPath = join(prismaDir, provider, 'schema.prisma');
  const schema = composeSchema(provider, models);
  const current = existsSync(schemaPath) ? readFileSync(schemaPath, 'utf8') : '';
  if (current !== schema) {
    stale = true;
    if (!checkOnly) {
      mkdirSync(dirname(schemaPath), { recursive: true });
      writeFileSync(schemaPath, schema);
      console.log(`wrote ${schemaPath}`);
    }
  }
}
if (checkOnly) {
  if (stale) {
    console.error(
      'prisma/*/schema.prisma is stale: run `npm run db:generate` and commit the result.',
    );
    process.exit(1);
  }
  process.exit(0);
}

const placeholderEngine = join(repoRoot, 'node_modules', '.cache', 'oauth-ref', 'no-schema-engine');
mkdirSync(dirname(placeholderEngine), { recursive: true });
writeFileSync(placeholderEngine, '');
const prismaCli = join(repoRoot, 'node_modules', 'prisma', 'build', 'index.js');
for (const provider of providers) {
  const result = spawnSync(
    process.execPath,
    [prismaCli, 'generate', '--config', join(prismaDir, provider, 'prisma.config.ts')],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholderEngine,
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        CHECKPOINT_DISABLE: '1',
      },
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
