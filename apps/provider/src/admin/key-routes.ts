/**
 * GET  /admin/keys         → 200 {keys:[{kid,alg,state,createdAt,activateAt,retireAt}]}
 * POST /admin/keys/rotate  {activateInSeconds?,graceSeconds?} → 201 {kid,activateAt,retiring}
 * POST /admin/keys/retire  {kid?} → 200 {retired:[kid]} | 409 when it would retire the signer
 */
import type { Router } from '@koa/router';
import { z } from 'zod';
import { jsonBody, parsedBody } from '../http/parse-body.js';
import { computeKeyRing } from '../keys/key-ring.js';
import {
  CannotRetireSignerError,
  loadKeyRows,
  retireSigningKeys,
  rotateSigningKeys,
} from '../keys/signing-key-store.js';
import type { AdminDeps } from './admin-deps.js';
import { sendInvalid, sendJson } from './admin-response.js';

const rotateSchema = z.object({
  activateInSeconds: z.number().int().min(0).max(86_400).optional(),
  graceSeconds: z.number().int().min(0).max(31_536_000).optional(),
});

const retireSchema = z.object({ kid: z.string().min(1).optional() });

export function addKeyRoutes(router: Router, { config, prisma, engine }: AdminDeps): void {
  router.get('/admin/keys', async (ctx) => {
    const rows = await loadKeyRows(prisma);
    const ring = computeKeyRing(rows);
    sendJson(ctx, 200, {
      keys: rows.map((row) => ({
        kid: row.kid,
        alg: row.alg,
        state: ring.stateOf(row.kid),
        createdAt: row.createdAt,
        activateAt: row.activateAt,
        retireAt: row.retireAt,
      })),
    });
  });

  router.post('/admin/keys/rotate', jsonBody(), async (ctx) => {
    const parsed = rotateSchema.safeParse(parsedBody(ctx));
    if (!parsed.success) return sendInvalid(ctx, parsed.error);
    const result = await rotateSigningKeys(prisma, {
      activationDelaySeconds: parsed.data.activateInSeconds ?? config.keys.activationDelaySeconds,
      retirementGraceSeconds: parsed.data.graceSeconds ?? config.keys.retirementGraceSeconds,
    });
    await engine().refresh();
    sendJson(ctx, 201, result);
  });

  router.post('/admin/keys/retire', jsonBody(), async (ctx) => {
    const parsed = retireSchema.safeParse(parsedBody(ctx));
    if (!parsed.success) return sendInvalid(ctx, parsed.error);
    try {
      const retired = await retireSigningKeys(prisma, parsed.data);
      await engine().refresh();
      sendJson(ctx, 200, { retired });
    } catch (error) {
      if (!(error instanceof CannotRetireSignerError)) throw error;
      sendJson(ctx, 409, { error: 'invalid_request', error_description: error.message });
    }
  });
}
