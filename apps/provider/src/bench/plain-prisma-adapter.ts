/**
 * The persisted baseline of the benchmark: node-oidc-provider's adapter interface written the plain
 * way, one Prisma call per method and nothing else (no request memo, no batched writes, no caches),
 * on the same `OidcPayload` table as our provider. With it, the bare engine pays for having a
 * database as ours does, so the bench can tell our overhead apart from the cost of persistence.
 * Bench code only: the provider's own adapter is `src/persistence/oidc-adapter.ts`.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { PrismaClient } from '@oauth-ref/db';
import { toPayload } from '../persistence/oidc-adapter.js';
import type { OidcPayloadRow } from '../persistence/oidc-payload-repository.js';

/** Rows read the same way as our adapter reads them (expired: absent; `consumed` added). */
const payloadOf = (row: OidcPayloadRow | null) => toPayload(row, Date.now());

/** The engine's `adapter` option: a class per model name over one Prisma client. */
export function plainPrismaAdapter(prisma: PrismaClient) {
  return class PlainPrismaAdapter implements Adapter {
    constructor(readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const data = {
        payload: JSON.stringify(payload),
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      };
      await prisma.oidcPayload.upsert({
        where: { model_id: { model: this.model, id } },
        create: { model: this.model, id, ...data },
        update: data,
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
