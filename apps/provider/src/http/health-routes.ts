/** GET /health: 200 when the database answers and a signing key exists, 503 otherwise. */
import type { EngineHost } from '../engine/engine-host.js';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';
import { Router } from '@koa/router';

export function createHealthRouter(
  prisma: ProviderPrisma,
  host: () => EngineHost | undefined,
  issuer: string,
): Router {
  return new Router().get('/health', async (ctx) => {
    ctx.set('cache-control', 'no-store');
    try {
      await prisma.providerSecret.findFirst({ select: { name: true } });
      const signer = host()?.keyRing().signer;
      ctx.status = signer ? 200 : 503;
      ctx.body = {
        status: signer ? 'ok' : 'starting',
        issuer,
        database: 'ok',
        signingKey: signer?.kid ?? null,
      };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'unavailable', issuer, database: 'unreachable' };
    }
  });
}
