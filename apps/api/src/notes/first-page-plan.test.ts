/**
 * Issue 16: the first page of `/notes` on PostgreSQL is ONE index scan of
 * `(ownerIss, ownerSub, createdAt, id)` — rows already in `createdAt DESC, id DESC` order, no
 * sort of the user's notes — whatever the planner's statistics say: never gathered, stale (taken
 * when the table was nearly empty) or fresh. The query is not re-typed here: it is the SQL the
 * repository sends, recorded at the driver, explained with its own parameters. A control runs the
 * same check against the index without `id` (the old one), to show the check notices the sort.
 */
import { createTestDatabase, postgresSkipReason, type TestDatabase } from '@oauth-ref/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotesRepository } from './notes.repository.js';

const INDEX = 'Note_ownerIss_ownerSub_createdAt_id_idx';
const ISSUER = 'http://localhost:4000';
const OWNER = { issuer: ISSUER, subject: 'alice' };
const FIRST_PAGE = 20;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

/** The SQL and parameters of the repository's first-page query, as sent to PostgreSQL. */
async function recordFirstPageQuery(
  database: TestDatabase,
): Promise<{ text: string; values: unknown[] }> {
  const sent: { text: string; values: unknown[] }[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as { text?: unknown; values?: unknown[] };
    if (typeof config === 'object' && typeof config.text === 'string')
      sent.push({ text: config.text, values: config.values ?? [] });
    return (original as (...rest: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await new NotesRepository(database.prisma).list(OWNER, FIRST_PAGE);
  } finally {
    pg.Client.prototype.query = original;
  }
  const query = sent.find((each) => /"Note"/.test(each.text) && /ORDER BY/i.test(each.text));
  if (query === undefined) throw new Error('the repository sent no notes query');
  return query;
}

async function planOf(database: TestDatabase): Promise<PlanNode[]> {
  const { text, values } = await recordFirstPageQuery(database);
  const rows = await database.prisma.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    `EXPLAIN (FORMAT JSON) ${text}`,
    ...values,
  );
  return nodesOf((rows[0] as { 'QUERY PLAN': [{ Plan: PlanNode }] })['QUERY PLAN'][0].Plan);
}

/** Only a Limit over one Index Scan of `index`: no sort, no other scan. */
function expectOneIndexScan(nodes: readonly PlanNode[], index: string): void {
  const scans = nodes.filter((node) => /Scan/.test(node['Node Type']));
  expect(scans.map((scan) => [scan['Node Type'], scan['Index Name']])).toEqual([
    ['Index Scan', index],
  ]);
  expect(nodes.map((node) => node['Node Type']).filter((type) => /Sort/.test(type))).toEqual([]);
}

/** 10k notes of alice's, spread over time, and 10k of other users'. */
async function insertNotes(database: TestDatabase): Promise<void> {
  await database.prisma.$executeRawUnsafe(
    `INSERT INTO "Note" ("id", "ownerIss", "ownerSub", "title", "body", "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, $1, CASE WHEN n % 2 = 0 THEN 'alice' ELSE 'user-' || (n % 97) END,
            'note ' || n, repeat('x', 200), now() - n * interval '1 minute', now()
     FROM generate_series(1, 20000) AS n`,
    ISSUER,
  );
}

async function analyze(database: TestDatabase): Promise<void> {
  await database.prisma.$executeRawUnsafe('ANALYZE "Note"');
}

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase('postgresql');
  // no autovacuum: the statistics are exactly the ones each test leaves in place
  await database.prisma.$executeRawUnsafe(
    'ALTER TABLE "Note" SET (autovacuum_enabled = false, toast.autovacuum_enabled = false)',
  );
  return database;
}

describe.skipIf(postgresSkipReason !== undefined)(
  `/notes first page on PostgreSQL${postgresSkipReason ? ` (skipped: ${postgresSkipReason})` : ''}`,
  () => {
    const databases: TestDatabase[] = [];
    const open = async () => {
      const database = await freshDatabase();
      databases.push(database);
      return database;
    };
    afterAll(async () => {
      await Promise.all(databases.map((database) => database.dispose()));
    });

    it('is one index scan without statistics', async () => {
      const database = await open();
      await insertNotes(database);
      expectOneIndexScan(await planOf(database), INDEX);
    });

    it('is one index scan with stale statistics (gathered on a nearly empty table)', async () => {
      const database = await open();
      await database.prisma.note.create({
        data: { ownerIss: ISSUER, ownerSub: 'alice', title: 'first' },
      });
      await analyze(database);
      await insertNotes(database);
      expectOneIndexScan(await planOf(database), INDEX);
    });

    it('is one index scan with fresh statistics', async () => {
      const database = await open();
      await insertNotes(database);
      await analyze(database);
      expectOneIndexScan(await planOf(database), INDEX);
    });

    describe('control: the index without id', () => {
      let database: TestDatabase;
      beforeAll(async () => {
        database = await open();
        await database.prisma.$executeRawUnsafe(`DROP INDEX "${INDEX}"`);
        await database.prisma.$executeRawUnsafe(
          'CREATE INDEX "Note_ownerIss_ownerSub_createdAt_idx" ON "Note" ("ownerIss", "ownerSub", "createdAt")',
        );
        await insertNotes(database);
        await analyze(database);
      });

      it('fails the check: the rows come out of a sort', async () => {
        const nodes = await planOf(database);
        expect(() => expectOneIndexScan(nodes, 'Note_ownerIss_ownerSub_createdAt_idx')).toThrow();
        expect(nodes.some((node) => /Sort/.test(node['Node Type']))).toBe(true);
      });
    });
  },
);
