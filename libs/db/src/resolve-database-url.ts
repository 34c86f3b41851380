// DATABASE_URL selects the database: `file:` is SQLite, `postgresql://` (or `postgres://`) is
// PostgreSQL, unset or empty means the embedded SQLite file under the ignored `.data/` folder.
// Anything else is refused at startup rather than guessed at.
import { isAbsolute, join } from 'node:path';
import { workspaceRoot } from './workspace-root.js';

/** Which database engine a URL selects. */
export type DatabaseProvider = 'sqlite' | 'postgresql';

/** A database URL after validation, with what the adapters need to know about it. */
export interface ResolvedDatabaseUrl {
  readonly provider: DatabaseProvider;
  /** The URL as given (or the default), for logs this is still secret-bearing: use `redacted`. */
  readonly url: string;
  /** The URL with any password replaced by `***`, safe to print. */
  readonly redacted: string;
  /** SQLite only: the absolute path of the database file. */
  readonly filePath?: string;
  /** PostgreSQL only: the schema named by `?schema=` (required: nothing lands in `public` unasked). */
  readonly schema?: string;
}

/** The embedded default: a SQLite file in the ignored `.data/` folder of the workspace. */
export const defaultSqlitePath: string = join(workspaceRoot, '.data', 'oauth-ref.db');

/** Thrown for a DATABASE_URL that selects no supported database, or no schema of one. */
export class DatabaseUrlError extends Error {
  constructor(
    message: string,
    /** `ERR_DATABASE_URL` (malformed or unsupported) or `ERR_DATABASE_URL_NO_SCHEMA`. */
    readonly code: 'ERR_DATABASE_URL' | 'ERR_DATABASE_URL_NO_SCHEMA' = 'ERR_DATABASE_URL',
  ) {
    super(message);
    this.name = 'DatabaseUrlError';
  }
}

/**
 * Validates a DATABASE_URL and says which database it selects. Relative SQLite paths are
 * resolved against the workspace root, so every app finds the same file.
 *
 * @example
 * resolveDatabaseUrl(undefined).provider; // 'sqlite' (the embedded default)
 * resolveDatabaseUrl('postgresql://postgres@127.0.0.1:5432/test?schema=demo').schema; // 'demo'
 */
export function resolveDatabaseUrl(raw?: string): ResolvedDatabaseUrl {
  const value = raw?.trim() ?? '';
  if (value === '') {
    const url = `file:${defaultSqlitePath}`;
    return Object.freeze({ provider: 'sqlite', url, redacted: url, filePath: defaultSqlitePath });
  }
  if (value.startsWith('file:')) {
    const path =
      value
        .slice('file:'.length)
        .replace(/^\/\/(?=\/)/, '')
        .split('?')[0] ?? '';
    if (path === '') throw new DatabaseUrlError('DATABASE_URL "file:" names no file');
    const filePath = isAbsolute(path) ? path : join(workspaceRoot, path);
    return Object.freeze({
      provider: 'sqlite',
      url: `file:${filePath}`,
      redacted: `file:${filePath}`,
      filePath,
    });
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new DatabaseUrlError('DATABASE_URL is not a valid postgresql:// URL');
    }
    // Without ?schema= every table would land in `public` of what may be a shared database, next
    // to someone else's: refuse, and say how to ask for `public` explicitly if that is the intent.
    const schema = parsed.searchParams.get('schema');
    if (schema === null || schema === '') {
      throw new DatabaseUrlError(
        'DATABASE_URL names a PostgreSQL database but no schema. Add ?schema=<name> to it, e.g. ' +
          `${parsed.protocol}//…${parsed.pathname}?schema=oauth_ref — the tables are created in that ` +
          'schema (write ?schema=public if you really want the shared default schema).',
        'ERR_DATABASE_URL_NO_SCHEMA',
      );
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
      throw new DatabaseUrlError(`DATABASE_URL names an invalid PostgreSQL schema "${schema}"`);
    }
    const redactedUrl = new URL(value);
    if (redactedUrl.password) redactedUrl.password = '***';
    return Object.freeze({
      provider: 'postgresql',
      url: value,
      redacted: redactedUrl.toString(),
      schema,
    });
  }
  throw new DatabaseUrlError(
    'DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL), or be unset',
  );
}
