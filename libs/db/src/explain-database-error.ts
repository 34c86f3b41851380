// What went wrong with the database, in plain words and with the fix — instead of
// `ECONNREFUSED …` and a stack trace. Drivers wrap their errors (pg, the Prisma adapters, the
// schema engine, AggregateError for several addresses), so the whole cause chain is read.
import type { ResolvedDatabaseUrl } from './resolve-database-url.js';

/** Why the database could not be used. Each code has one message with its fix. */
export type DatabaseProblem =
  | 'ERR_DATABASE_UNREACHABLE'
  | 'ERR_DATABASE_HOST_UNKNOWN'
  | 'ERR_DATABASE_AUTH'
  | 'ERR_DATABASE_MISSING'
  | 'ERR_DATABASE_FILE';

/** A database error explained for people: `message` says what happened and what to do. */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly code: DatabaseProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Every error code and message in `error` and the errors it wraps. */
function causeChain(error: unknown): { codes: string[]; text: string } {
  const codes: string[] = [];
  const texts: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next || typeof next !== 'object' || seen.has(next)) continue;
    seen.add(next);
    const record = next as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string') codes.push(record.code);
    if (typeof record.message === 'string') texts.push(record.message);
    queue.push(record.cause);
    if (Array.isArray(record.errors)) queue.push(...record.errors);
  }
  return { codes, text: texts.join('\n') };
}

/**
 * Explains `error` if it is one of the database problems people run into (server down, unknown
 * host, wrong credentials, missing database, unusable SQLite file); returns `undefined` otherwise.
 *
 * @example
 * try {
 *   await migrateDatabase(url);
 * } catch (error) {
 *   const explained = explainDatabaseError(error, resolveDatabaseUrl(url));
 *   console.error(explained?.message ?? error);
 * }
 */
export function explainDatabaseError(
  error: unknown,
  database: ResolvedDatabaseUrl,
): DatabaseUnavailableError | undefined {
  const { codes, text } = causeChain(error);
  const has = (...wanted: string[]) => wanted.some((code) => codes.includes(code));
  const mentions = (pattern: RegExp) => pattern.test(text);
  const where = database.redacted;

  if (database.provider === 'sqlite') {
    if (
      has('SQLITE_CANTOPEN', 'EACCES', 'EROFS', 'ENOENT') ||
      mentions(/unable to open database file/i)
    ) {
      return new DatabaseUnavailableError(
        'ERR_DATABASE_FILE',
        `Cannot open the SQLite database file ${database.filePath}. Check that its folder exists ` +
          'and is writable, or point DATABASE_URL at another file (file:./.data/other.db).',
        { cause: error },
      );
    }
    return undefined;
  }

  const url = new URL(database.url);
  const server = `${url.hostname}:${url.port || '5432'}`;
  const databaseName = decodeURIComponent(url.pathname.slice(1)) || url.username;
  if (
    has('ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'P1001') ||
    mentions(/can't reach database server/i)
  ) {
    return new DatabaseUnavailableError(
      'ERR_DATABASE_UNREACHABLE',
      `Cannot reach the PostgreSQL server at ${server} (DATABASE_URL=${where}). Start it ` +
        '(Debian/Ubuntu: `sudo pg_ctlcluster <version> main start`; macOS: `brew services start ' +
        'postgresql`), check the host and port in DATABASE_URL, or unset DATABASE_URL to use the ' +
        'embedded SQLite database.',
      { cause: error },
    );
  }
  if (has('ENOTFOUND', 'EAI_AGAIN')) {
    return new DatabaseUnavailableError(
      'ERR_DATABASE_HOST_UNKNOWN',
      `The PostgreSQL host "${url.hostname}" in DATABASE_URL (${where}) is not known. Fix the ` +
        'host name (for a local server: 127.0.0.1).',
      { cause: error },
    );
  }
  if (
    has('28P01', '28000', 'P1000') ||
    mentions(/password authentication failed|authentication failed|role ".*" does not exist/i)
  ) {
    return new DatabaseUnavailableError(
      'ERR_DATABASE_AUTH',
      `PostgreSQL at ${server} refused the user "${decodeURIComponent(url.username)}" or its ` +
        `password (DATABASE_URL=${where}). Put a user and password that exist into DATABASE_URL: ` +
        'postgresql://<user>:<password>@host:port/database?schema=<name>.',
      { cause: error },
    );
  }
  if (has('3D000', 'P1003') || mentions(/database ".*" does not exist/i)) {
    return new DatabaseUnavailableError(
      'ERR_DATABASE_MISSING',
      `The database "${databaseName}" does not exist on ${server}. Create it once ` +
        `(\`createdb -h ${url.hostname} -U ${decodeURIComponent(url.username) || 'postgres'} ${databaseName}\`) ` +
        'or name an existing one in DATABASE_URL; the schema inside it is created for you.',
      { cause: error },
    );
  }
  return undefined;
}
