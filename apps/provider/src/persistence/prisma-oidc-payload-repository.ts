/**
 * `OidcPayloadRepository` on the Prisma `OidcPayload` model (SQLite or PostgreSQL alike). A write
 * of a `Client` payload also changes the shared client version, in the same transaction, so every
 * instance's client cache learns of it (see shared-version.ts).
 */
import { empty, join, sql } from '@oauth-ref/db';
import { bumpSharedVersion, CLIENT_VERSION } from './shared-version.js';
import type { ProviderPrisma } from './provider-prisma.js';
import type {
  OidcPayloadKey,
  OidcPayloadRepository,
  OidcPayloadRow,
} from './oidc-payload-repository.js';

type PayloadWrite = Omit<OidcPayloadRow, 'consumedAt'>;

/**
 * One `INSERT … ON CONFLICT ("model", "id") DO UPDATE` for every row (the syntax SQLite and
 * PostgreSQL share), as the model API's upsert writes one: a new row, or the payload, links and
 * expiry replaced and the consumption cleared. Composed with Prisma's `sql` and `join`, so every
 * value stays a bound parameter whatever the number of rows.
 */
function upsertEach(rows: readonly PayloadWrite[], createdAt: Date) {
  const values = rows.map(
    (row) =>
      sql`(${row.model}, ${row.id}, ${row.payload}, ${row.grantId}, ${row.userCode}, ${row.uid}, ${row.expiresAt}, ${createdAt}, NULL)`,
  );
  return sql`INSERT INTO "OidcPayload" ("model", "id", "payload", "grantId", "userCode", "uid", "expiresAt", "createdAt", "consumedAt")
    VALUES ${join(values)}
    ON CONFLICT ("model", "id") DO UPDATE SET "payload" = excluded."payload",
      "grantId" = excluded."grantId", "userCode" = excluded."userCode", "uid" = excluded."uid",
      "expiresAt" = excluded."expiresAt", "consumedAt" = NULL`;
}

/**
 * What a deferred destroy writes (see `writeAll`): the row emptied (no payload, no grant, user code
 * or uid to be found by) and expired since the epoch. Every read reports an expired row as absent
 * (oidc-adapter.ts), `consume` and `insertIfAbsent` treat it as gone, and the sweeper deletes it.
 */
const DESTROYED = new Date(0);

function tombstone({ model, id }: OidcPayloadKey): PayloadWrite {
  return {
    model,
    id,
    payload: '{}',
    grantId: null,
    userCode: null,
    uid: null,
    expiresAt: DESTROYED,
  };
}

/** The columns a read returns, as the driver gives them (a date may come as a string or number). */
interface RawPayloadRow {
  model: string;
  id: string;
  payload: string;
  grantId: string | null;
  userCode: string | null;
  uid: string | null;
  expiresAt: Date | string | number | null;
  consumedAt: Date | string | number | null;
}

function toDate(value: RawPayloadRow['expiresAt']): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

function toRow(raw: RawPayloadRow): OidcPayloadRow {
  return {
    model: raw.model,
    id: raw.id,
    payload: raw.payload,
    grantId: raw.grantId,
    userCode: raw.userCode,
    uid: raw.uid,
    expiresAt: toDate(raw.expiresAt),
    consumedAt: toDate(raw.consumedAt),
  };
}

/**
 * One `SELECT … WHERE ("model" = ? AND "id" = ?) OR …` for these keys, every value a bound
 * parameter; with `grants`, also `OR ("model" = 'Grant' AND "id" IN (the grantId of those rows))`,
 * so a code, a token or an interaction comes with the grant the engine reads next. The hot reads
 * (every request's prefetch, the engine's finds) go through `$queryRaw` rather than the model API:
 * the same statement, without the model layer's query planning and result mapping, about a third
 * less CPU per read on this machine.
 */
function selectEach(keys: readonly OidcPayloadKey[], grants = false) {
  const matches = () =>
    join(
      keys.map(({ model, id }) => sql`("model" = ${model} AND "id" = ${id})`),
      ' OR ',
    );
  const named = grants
    ? sql` OR ("model" = 'Grant' AND "id" IN (SELECT "grantId" FROM "OidcPayload"
        WHERE "grantId" IS NOT NULL AND (${matches()})))`
    : empty;
  return sql`SELECT "model", "id", "payload", "grantId", "userCode", "uid", "expiresAt", "consumedAt"
    FROM "OidcPayload" WHERE ${matches()}${named}`;
}

export function createPrismaOidcPayloadRepository(prisma: ProviderPrisma): OidcPayloadRepository {
  const table = prisma.oidcPayload;
  return {
    async upsert(row) {
      const data = {
        payload: row.payload,
        grantId: row.grantId,
        userCode: row.userCode,
        uid: row.uid,
        expiresAt: row.expiresAt,
        consumedAt: null,
      };
      const write = table.upsert({
        where: { model_id: { model: row.model, id: row.id } },
        create: { model: row.model, id: row.id, ...data },
        update: data,
      });
      if (row.model === 'Client')
        await prisma.$transaction([write, bumpSharedVersion(prisma, CLIENT_VERSION)]);
      else await write;
    },
    async insertIfAbsent(row, now) {
      const data = {
        payload: row.payload,
        grantId: row.grantId,
        userCode: row.userCode,
        uid: row.uid,
        expiresAt: row.expiresAt,
      };
      try {
        await table.create({ data: { model: row.model, id: row.id, ...data } });
        return true;
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code !== 'P2002') throw error;
        // Taken: only an expired row (not swept yet) may be replaced, and only by one caller.
        const { count } = await table.updateMany({
          where: { model: row.model, id: row.id, expiresAt: { lte: now } },
          data: { ...data, consumedAt: null },
        });
        return count === 1;
      }
    },
    async find(model, id) {
      const [row] = await prisma.$queryRaw<RawPayloadRow[]>(selectEach([{ model, id }]));
      return row ? toRow(row) : null;
    },
    async findEach(keys, options) {
      if (keys.length === 0) return [];
      return (await prisma.$queryRaw<RawPayloadRow[]>(selectEach(keys, options?.grants))).map(
        toRow,
      );
    },
    async findByUid(model, uid) {
      return (await table.findFirst({ where: { model, uid } })) as OidcPayloadRow | null;
    },
    async findByUserCode(model, userCode) {
      return (await table.findFirst({ where: { model, userCode } })) as OidcPayloadRow | null;
    },
    async consume(model, id, at) {
      // Only a live row: a destroyed one (a tombstone, see writeAll) or an expired one is gone.
      const { count } = await table.updateMany({
        where: {
          model,
          id,
          consumedAt: null,
          OR: [{ expiresAt: null }, { expiresAt: { gt: at } }],
        },
        data: { consumedAt: at },
      });
      return count === 1;
    },
    async destroy(model, id) {
      const write = table.deleteMany({ where: { model, id } });
      if (model === 'Client')
        await prisma.$transaction([write, bumpSharedVersion(prisma, CLIENT_VERSION)]);
      else await write;
    },
    async writeAll(upserts, destroys) {
      if (upserts.some((row) => row.model === 'Client'))
        throw new Error('Client rows are written one at a time (with the shared version)');
      const rows = [...upserts, ...destroys.map(tombstone)];
      if (rows.length > 0) await prisma.$executeRaw(upsertEach(rows, new Date()));
    },
    async revokeByGrantId(model, grantId) {
      await table.deleteMany({ where: { model, grantId } });
    },
    async deleteExpired(now) {
      const { count } = await table.deleteMany({ where: { expiresAt: { lt: now } } });
      return count;
    },
  };
}
