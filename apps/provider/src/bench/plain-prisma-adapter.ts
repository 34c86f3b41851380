/**
 * The persisted baseline of the benchmark: node-oidc-provider's adapter interface written the plain
 * way, one Prisma call per method and nothing else (no request memo, no batched writes, no caches),
 * on the same `OidcPayload` table as our provider. With it, the bare engine pays for having a
 * database as ours does, so the bench can tell our overhead apart from the cost of persistence.
 * Bench code only: the provider's own adapter is `src/persistence/oidc-adapter.ts`.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { PrismaClient } from '@oauth-ref/db';
import { toPayload, toRow } from '../persistence/oidc-adapter.js';
import type { OidcPayloadRow } from '../persistence/oidc-payload-repository.js';

/** Rows written and read as our adapter does (expired: absent; `consumed` added). */
const payloadOf = (row: OidcPayloadRow | null) => toPayload(row, Date.now());

/** The engine's `adapter` option: a class per model name over one Prisma client. */
export function plainPrismaAdapter(prisma: PrismaClient) {
  return class PlainPrismaAdapter implements Adapter {
    constructor(readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const row = toRow(this.model, id, payload, expiresIn, Date.now());
      await prisma.oidcPayload.upsert({
        where: { model_id: { model: this.model, id } },
        create: row,
        update: row,
      });
    }

    async find(id: string) {
      return payloadOf(
        await prisma.oidcPayload.findUnique({ where: { model_id: { model: this.model, id } } }),
      );
    }

    async findByUid(uid: string) {
      return payloadOf(await prisma.oidcPayload.findFirst({ where: { model: this.model, uid } }));
    }

    async findByUserCode(userCode: string) {
      return payloadOf(
        await prisma.oidcPayload.findFirst({ where: { model: this.model, userCode } }),
      );
    }

    async consume(id: string): Promise<void> {
      await prisma.oidcPayload.update({
        where: { model_id: { model: this.model, id } },
        data: { consumedAt: new Date() },
      });
    }

    async destroy(id: string): Promise<void> {
      await prisma.oidcPayload.deleteMany({ where: { model: this.model, id } });
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await prisma.oidcPayload.deleteMany({ where: { model: this.model, grantId } });
    }
  };
}
