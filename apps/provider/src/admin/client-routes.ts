/**
 * POST   /admin/clients            RFC 7591 client metadata (client_id required) → 201 metadata
 * DELETE /admin/clients/:clientId  → 204 | 404
 */
import type { Router } from '@koa/router';
import { z } from 'zod';
import { assertClientGrantPolicy } from '../engine/client-grant-policy.js';
import { deleteClient, upsertClient } from '../engine/client-store.js';
import { jsonBody, parsedBody } from '../http/parse-body.js';
import type { AdminDeps } from './admin-deps.js';
import { sendInvalid, sendJson } from './admin-response.js';

const clientSchema = z.looseObject({ client_id: z.string().min(1).max(200) });

export function addClientRoutes(router: Router, { repository, engine }: AdminDeps): void {
  router.post('/admin/clients', jsonBody(), async (ctx) => {
    const parsed = clientSchema.safeParse(parsedBody(ctx));
    if (!parsed.success) return sendInvalid(ctx, parsed.error);
    const metadata = parsed.data as Parameters<typeof upsertClient>[1];
    try {
      assertClientGrantPolicy(metadata);
      await engine().current().Client.validate(metadata);
    } catch (error) {
      const description =
        (error as { error_description?: string }).error_description ?? 'invalid client metadata';
      return sendJson(ctx, 400, {
        error: 'invalid_client_metadata',
        error_description: description,
      });
    }
    await upsertClient(repository, metadata);
    sendJson(ctx, 201, metadata);
  });

  router.delete('/admin/clients/:clientId', async (ctx) => {
    if (await deleteClient(repository, ctx.params.clientId ?? '')) sendJson(ctx, 204);
    else sendJson(ctx, 404, { error: 'not_found', error_description: 'no such client' });
  });
}
