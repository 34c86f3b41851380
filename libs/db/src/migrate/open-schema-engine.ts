// Opens the WebAssembly schema engine on a database through Prisma's migration-aware adapter
// wrapper, and closes every connection it opened afterwards (PostgreSQL's migration advisory lock
// is held by a session: a pooled connection left open would make the next run wait for it).
//
// Two PostgreSQL details the engine needs from the adapter:
// - migration scripts (functions, DO blocks) must reach the server whole, so executeScript sends
//   the script as one simple-protocol query;
// - the engine's catalogue queries return `"char"` columns (OID 18), which the adapter does not map;
//   they are plain one-character text, so they are reported as text.
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { createAdapter, postgresPoolConfig } from '../create-adapter.js';
import type { ResolvedDatabaseUrl } from '../resolve-database-url.js';
import { loadSchemaEngine } from './load-schema-engine.js';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** A pool whose results report `"char"` columns as text. */
class CatalogueFriendlyPool extends pg.Pool {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (!(result instanceof Promise)) return result as never;
    return result.then((res: pg.QueryResult) => {
      for (const field of res?.fields ?? []) {
        if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      }
      return res;
    }) as never;
  }
}

function trackingFactory(
  factory: SqlMigrationAwareDriverAdapterFactory,
  opened: SqlDriverAdapter[],
): SqlMigrationAwareDriverAdapterFactory {
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    opened.push(adapter);
    const driver = (adapter as { underlyingDriver?: () => unknown }).underlyingDriver?.();
    if (driver instanceof pg.Pool) {
      adapter.executeScript = async (script: string) => {
        await driver.query(script);
      };
    }
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  };
}

/**
 * Runs `work` with a schema engine connected to the database, then frees the engine and closes
 * its connections.
 *
 * @example
 * await withSchemaEngine(resolveDatabaseUrl(url), (engine) => engine.version());
 */
export async function withSchemaEngine<T>(
  database: ResolvedDatabaseUrl,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const SchemaEngineClass = await loadSchemaEngine();
  const pool =
    database.provider === 'postgresql'
      ? new CatalogueFriendlyPool(postgresPoolConfig(database))
      : undefined;
  const base = pool
    ? new PrismaPg(pool, { schema: database.schema ?? 'public' })
    : createAdapter(database);
  const opened: SqlDriverAdapter[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory(trackingFactory(base, opened));
  const engine = await SchemaEngineClass.new({ datamodels: undefined }, () => undefined, factory);
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    await pool?.end();
  }
}
