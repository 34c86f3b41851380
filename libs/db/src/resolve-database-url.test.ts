import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseUrlError, defaultSqlitePath, resolveDatabaseUrl } from './resolve-database-url.js';
import { workspaceRoot } from './workspace-root.js';

describe('resolveDatabaseUrl', () => {
  it('selects the embedded SQLite file under .data/ when DATABASE_URL is unset or blank', () => {
    for (const raw of [undefined, '', '   ']) {
      const resolved = resolveDatabaseUrl(raw);
      expect(resolved.provider).toBe('sqlite');
      expect(resolved.filePath).toBe(defaultSqlitePath);
      expect(defaultSqlitePath).toBe(join(workspaceRoot, '.data', 'oauth-ref.db'));
    }
  });

  it('resolves a relative file: URL against the workspace root, whatever the cwd', () => {
    expect(resolveDatabaseUrl('file:.data/other.db').filePath).toBe(
      join(workspaceRoot, '.data/other.db'),
    );
    expect(resolveDatabaseUrl('file:/tmp/x.db').filePath).toBe('/tmp/x.db');
    expect(resolveDatabaseUrl('file:///tmp/y.db?mode=rwc').filePath).toBe('/tmp/y.db');
  });

  it('refuses a file: URL that names no file', () => {
    expect(() => resolveDatabaseUrl('file:')).toThrow(DatabaseUrlError);
  });

  it('selects PostgreSQL for postgresql:// and postgres:// URLs, with the ?schema= schema', () => {
    const resolved = resolveDatabaseUrl('postgresql://u:secret@db:5432/app?schema=demo');
    expect(resolved.provider).toBe('postgresql');
    expect(resolved.schema).toBe('demo');
    expect(resolveDatabaseUrl('postgres://db/app?schema=public').schema).toBe('public');
  });

  it('never puts the password in the redacted form', () => {
    const resolved = resolveDatabaseUrl('postgresql://u:secret@db:5432/app?schema=app');
    expect(resolved.redacted).not.toContain('secret');
    expect(resolved.redacted).toContain('***');
  });

  it('refuses a schema name that could inject SQL', () => {
    expect(() => resolveDatabaseUrl('postgresql://db/app?schema=a";drop')).toThrow(
      /invalid PostgreSQL schema/,
    );
  });

  it('refuses URLs of unsupported engines instead of guessing', () => {
    expect(() => resolveDatabaseUrl('mysql://db/app')).toThrow(DatabaseUrlError);
    expect(() => resolveDatabaseUrl('postgresql://[bad')).toThrow(/not a valid/);
    try {
      resolveDatabaseUrl('redis://x');
    } catch (error) {
      expect((error as DatabaseUrlError).code).toBe('ERR_DATABASE_URL');
    }
  });

  it('refuses a PostgreSQL URL without ?schema= instead of migrating into public', () => {
    for (const url of ['postgresql://postgres@db:5432/test', 'postgres://db/app?schema=']) {
      expect(() => resolveDatabaseUrl(url)).toThrow(
        expect.objectContaining({
          code: 'ERR_DATABASE_URL_NO_SCHEMA',
          message: expect.stringMatching(/no schema\. Add \?schema=<name>/),
        }),
      );
    }
  });
});
