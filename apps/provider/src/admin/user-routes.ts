/**
 * POST   /admin/users       {username,password,email,name,givenName?,familyName?,sub?} → 201 {sub,username}
 * DELETE /admin/users/:sub  → 204 | 404
 */
import type { Router } from '@koa/router';
import { z } from 'zod';
import { deleteUser, upsertUser } from '../accounts/user-store.js';
import { jsonBody, parsedBody } from '../http/parse-body.js';
import type { AdminDeps } from './admin-deps.js';
import { sendInvalid, sendJson } from './admin-response.js';

const userSchema = z.object({
  sub: z.string().min(1).max(200).optional(),
  username: z.string().min(1).max(100),
  password: z.string().min(8).max(200),
  email: z.email(),
  name: z.string().min(1).max(200),
  givenName: z.string().max(100).optional(),
  familyName: z.string().max(100).optional(),
});

export function addUserRoutes(router: Router, { prisma }: AdminDeps): void {
  router.post('/admin/users', jsonBody(), async (ctx) => {
    const parsed = userSchema.safeParse(parsedBody(ctx));
    if (!parsed.success) return sendInvalid(ctx, parsed.error);
    const clash = await prisma.providerUser.findFirst({
      where: {
        OR: [{ username: parsed.data.username }, { email: parsed.data.email }],
        NOT: { id: parsed.data.sub ?? '' },
      },
    });
    if (clash)
      return sendJson(ctx, 409, {
        error: 'invalid_request',
        error_description: 'username or email already in use',
      });
    const { id } = await upsertUser(prisma, parsed.data);
    sendJson(ctx, 201, { sub: id, username: parsed.data.username });
  });

  router.delete('/admin/users/:sub', async (ctx) => {
    if (await deleteUser(prisma, ctx.params.sub ?? '')) sendJson(ctx, 204);
    else sendJson(ctx, 404, { error: 'not_found', error_description: 'no such user' });
  });
}
