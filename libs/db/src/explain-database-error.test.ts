import { describe, expect, it } from 'vitest';
import { explainDatabaseError } from './explain-database-error.js';
import { resolveDatabaseUrl } from './resolve-database-url.js';

const pg = resolveDatabaseUrl('postgresql://app:pw@db.local:6543/shop?schema=demo');
const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('explainDatabaseError', () => {
  it('finds a refused connection however deep the drivers wrapped it', () => {
    const wrapped = new Error('migrating failed', {
      cause: new AggregateError([withCode('ECONNREFUSED')], 'connect failed'),
    });
    const explained = explainDatabaseError(wrapped, pg);
    expect(explained?.code).toBe('ERR_DATABASE_UNREACHABLE');
    expect(explained?.message).toMatch(/Cannot reach the PostgreSQL server at db\.local:6543/);
    expect(explained?.message).not.toContain(':pw@');
  });

  it('explains wrong credentials, an unknown host and a missing database', () => {
    expect(explainDatabaseError(withCode('28P01'), pg)?.code).toBe('ERR_DATABASE_AUTH');
    expect(explainDatabaseError(withCode('ENOTFOUND'), pg)?.code).toBe('ERR_DATABASE_HOST_UNKNOWN');
    const missing = explainDatabaseError(withCode('3D000'), pg);
    expect(missing?.code).toBe('ERR_DATABASE_MISSING');
    expect(missing?.message).toMatch(/createdb -h db\.local -U app shop/);
  });

  it('explains an SQLite file that cannot be opened', () => {
    const sqlite = resolveDatabaseUrl('file:/nowhere/x.db');
    const explained = explainDatabaseError(new Error('unable to open database file'), sqlite);
    expect(explained?.code).toBe('ERR_DATABASE_FILE');
    expect(explained?.message).toMatch(/\/nowhere\/x\.db/);
  });

  it('leaves other errors alone', () => {
    expect(explainDatabaseError(new Error('unique constraint'), pg)).toBeUndefined();
  });
});
