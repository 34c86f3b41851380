// The database command lines as people run them: usage on --help, plain sentences with the fix
// on failure (never a stack trace), and a reset that asks first and seeds again.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPrismaClient } from '../create-prisma-client.js';
import { migrateDatabase } from '../migrate/migrate-database.js';
import { postgresSkipReason } from '../testing/describe-each-database.js';
import { testPostgresUrl } from '../testing/postgres-availability.js';

const libRoot = fileURLToPath(new URL('../..', import.meta.url));

function cli(script: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@oauth-ref/source', '--import', 'tsx', `src/cli/${script}.ts`, ...args],
      { cwd: libRoot, env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('--help', () => {
  for (const [script, usage] of [
    ['migrate', /^Usage: npm run db:migrate\n/],
    ['reset', /^Usage: npm run db:reset \[-- --yes\]\n/],
    ['create-migration', /^Usage: npm run db:migration:create -- <name>\n/],
  ] as const) {
    it(`${script} prints its usage and exits 0`, async () => {
      const result = await cli(script, ['--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(usage);
      expect(result.stderr).toBe('');
    });
  }

  it('generate prints its usage and exits 0', async () => {
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        ['src/cli/generate.mjs', '--help'],
        { cwd: libRoot },
        (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      );
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run db:generate \[-- --check\]\n/);
  });

  it('an unknown option prints the usage and exits 2', async () => {
    const result = await cli('migrate', ['--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--frobnicate'[\s\S]*Usage: npm run db:migrate/);
    noStackTrace(result.stderr);
  });
});

describe('database errors in plain words', () => {
  it('an unreachable server: says where, and how to start it or fall back to SQLite', async () => {
    const result = await cli('migrate', [], {
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/test?schema=cli_test',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^✖ Cannot reach the PostgreSQL server at 127\.0\.0\.1:1 /);
    expect(result.stderr).toMatch(/unset DATABASE_URL to use the embedded SQLite/);
    noStackTrace(result.stderr);
  });

  it('a URL without ?schema= is refused before anything is touched', async () => {
    const result = await cli('migrate', [], {
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/test',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^✖ DATABASE_URL names a PostgreSQL database but no schema/);
    noStackTrace(result.stderr);
  });

  it.skipIf(postgresSkipReason !== undefined)(
    'wrong credentials: names the user, hides the password, says what to fix',
    async () => {
      const url = new URL(testPostgresUrl);
      url.username = 'no_such_user_here';
      url.password = 's3cret-pw';
      url.searchParams.set('schema', 'cli_test');
      const result = await cli('migrate', [], { DATABASE_URL: url.toString() });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/refused the user "no_such_user_here" or its password/);
      expect(result.stderr).not.toContain('s3cret-pw');
      noStackTrace(result.stderr);
    },
  );
});

describe('db:reset', () => {
  it('refuses without a terminal and without --yes, and leaves the data alone', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'db-reset-'));
    const url = `file:${join(folder, 'keep.db')}`;
    await migrateDatabase(url);
    const prisma = createPrismaClient(url);
    await prisma.note.create({ data: { ownerIss: 'i', ownerSub: 's', title: 'keep me' } });
    const result = await cli('reset', [], { DATABASE_URL: url });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /refusing to reset .* without confirmation: no terminal to ask on\. Pass --yes/,
    );
    expect(await prisma.note.count({ where: { title: 'keep me' } })).toBe(1);
    await prisma.$disconnect();
  });

  it('with --yes, drops everything and seeds the demo users and clients again', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'db-reset-'));
    const url = `file:${join(folder, 'reset.db')}`;
    await migrateDatabase(url);
    const prisma = createPrismaClient(url);
    await prisma.note.create({ data: { ownerIss: 'i', ownerSub: 's', title: 'gone' } });
    await prisma.$disconnect();
    const result = await cli('reset', ['--yes'], { DATABASE_URL: url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/reset, applied/);
    const after = createPrismaClient(url);
    expect(await after.note.count()).toBe(0);
    const usernames = (await after.providerUser.findMany()).map((user) => user.username).sort();
    expect(usernames).toEqual(['alice', 'bob']);
    await after.$disconnect();
  }, 120_000);
});
