import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from './create-prisma-client.js';
import { migrateDatabase } from './migrate/migrate-database.js';

describe('SQLite connections', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oauth-ref-pragmas-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function synchronousLevel(prisma: ReturnType<typeof createPrismaClient>) {
    const [row] =
      await prisma.$queryRawUnsafe<{ synchronous: number | bigint }[]>('PRAGMA synchronous');
    return Number(row?.synchronous);
  }

  it('run with synchronous = NORMAL (1), also on the connection opened after a transaction', async () => {
    const url = `file:${join(folder, 'pragmas.db')}`;
    await migrateDatabase(url);
    const prisma = createPrismaClient(url);
    try {
      expect(await synchronousLevel(prisma)).toBe(1);
      await prisma.$transaction(async (tx) => {
        await tx.providerSecret.create({ data: { name: 'pragma-test', value: 'x' } });
      });
      expect(await synchronousLevel(prisma)).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  });
});
