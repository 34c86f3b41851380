/**
 * `OidcPayloadRepository` on the Prisma `OidcPayload` model (SQLite or PostgreSQL alike). A write
 * of a `Client` payload also changes the shared client version, in the same transaction, so every
 * instance's client cache learns of it (see shared-version.ts).
 */
import { bumpSharedVersion, CLIENT_VERSION } from './shared-version.js';
import type { ProviderPrisma } from './provider-prisma.js';
import type { OidcPayloadRepository, OidcPayloadRow } from './oidc-payload-repository.js';

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
      return (await table.findUnique({
        where: { model_id: { model, id } },
      })) as OidcPayloadRow | null;
    },
    async findEach(keys) {
      if (keys.length === 0) return [];
      return (await table.findMany({
        where: { OR: keys.map(({ model, id }) => ({ model, id })) },
      })) as OidcPayloadRow[];
    },
    async findByUid(model, uid) {
      return (await table.findFirst({ where: { model, uid } })) as OidcPayloadRow | null;
    },
    async findByUserCode(model, userCode) {
      return (await table.findFirst({ where: { model, userCode } })) as OidcPayloadRow | null;
    },
    async consume(model, id, at) {
      const { count } = await table.updateMany({
        where: { model, id, consumedAt: null },
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
    async revokeByGrantId(model, grantId) {
      await table.deleteMany({ where: { model, grantId } });
    },
    async deleteExpired(now) {
      const { count } = await table.deleteMany({ where: { expiresAt: { lt: now } } });
      return count;
    },
  };
}
