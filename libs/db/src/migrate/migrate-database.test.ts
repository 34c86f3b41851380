import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/describe-each-database.js';
import { createPrismaClient } from '../create-prisma-client.js';
import { loadMigrations } from './load-migrations.js';
import { migrateDatabase, MigrationError } from './migrate-database.js';
import { resetDatabase } from './reset-database.js';

const expectedTables = [
  'Account',
  'FlowEvent',
  'Note',
  'OidcPayload',
  'ProviderSecret',
  'ProviderUser',
  'RateLimiterFlexible',
  'SeenOnce',
  'Session',
  'SigningKey',
  'User',
  'VerificationToken',
];

describeEachDatabase('migrateDatabase', (db, provider) => {
  it('creates every table of the data model', async () => {
    const rows =
      provider === 'sqlite'
        ? await db().prisma.$queryRawUnsafe<{ name: string }[]>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
          )
        : await db().prisma.$queryRawUnsafe<{ name: string }[]>(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'",
          );
    expect(rows.map((row) => row.name).sort()).toEqual(expectedTables);
  });

  it('records each migration as the Prisma CLI does, so `prisma migrate deploy` agrees', async () => {
    const recorded = await db().prisma.$queryRawUnsafe<
      { migration_name: string; checksum: string }[]
    >('SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name');
    const onDisk = loadMigrations(provider).migrationDirectories.map((m) => m.path);
    expect(recorded.map((r) => r.migration_name)).toEqual(onDisk);
    for (const row of recorded) expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies nothing the second time', async () => {
    expect((await migrateDatabase(db().url)).applied).toEqual([]);
  });

  it('gives a working client: a note round-trips', async () => {
    const note = await db().prisma.note.create({
      data: { ownerIss: 'http://localhost:4000', ownerSub: 'alice', title: 'first' },
    });
    expect(await db().prisma.note.findUnique({ where: { id: note.id } })).toMatchObject({
      title: 'first',
    });
  });

  it('reset deletes the data and leaves a migrated, empty database', async () => {
    await db().prisma.note.create({ data: { ownerIss: 'i', ownerSub: 's', title: 't' } });
    await db().prisma.$disconnect();
    await resetDatabase(db().url);
    const fresh = createPrismaClient(db().url);
    try {
      expect(await fresh.note.count()).toBe(0);
    } finally {
      await fresh.$disconnect();
    }
  });

  if (provider === 'sqlite') {
    it('switches the SQLite file to WAL so readers do not block the writer', async () => {
      const [mode] =
        await db().prisma.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
      expect(mode?.journal_mode).toBe('wal');
    });
  }
});

it('names the database, never its password, when a migration cannot run', async () => {
  const error = await migrateDatabase(
    'postgresql://postgres:hunter2@127.0.0.1:1/none?schema=x',
  ).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect(String((error as Error).message)).not.toContain('hunter2');
  expect(error instanceof MigrationError || /ECONNREFUSED|connect/i.test(String(error))).toBe(true);
});
