import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript build script without declarations
import { composeSchema, providers } from '../cli/compose-schema.mjs';
import { postgresSkipReason } from '../testing/describe-each-database.js';
import { workspaceRoot } from '../workspace-root.js';
import { createMigration, pendingSchemaChanges } from './create-migration.js';

describe('the committed schemas and migrations', () => {
  it('prisma/<engine>/schema.prisma are exactly the one data model behind each header', () => {
    const models = readFileSync(join(workspaceRoot, 'prisma', 'models.prisma'), 'utf8');
    for (const provider of providers) {
      const committed = readFileSync(
        join(workspaceRoot, 'prisma', provider, 'schema.prisma'),
        'utf8',
      );
      expect(committed, `run npm run db:generate (${provider})`).toBe(
        composeSchema(provider, models),
      );
    }
  });

  it('the SQLite migrations produce exactly the data model (nothing left to migrate)', async () => {
    expect(await pendingSchemaChanges('sqlite')).toBe('');
  });

  it.skipIf(postgresSkipReason !== undefined)(
    `the PostgreSQL migrations produce exactly the data model (nothing left to migrate)${postgresSkipReason ? ` (skipped: ${postgresSkipReason})` : ''}`,
    async () => {
      expect(await pendingSchemaChanges('postgresql')).toBe('');
    },
  );

  it('refuses a migration name that is not a plain identifier', async () => {
    await expect(createMigration({ name: '../escape' })).rejects.toThrow(/lower-case/);
  });
});
