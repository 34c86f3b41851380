/** Bearer admin token check, constant-time (both sides hashed to equal length first). */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import { sendJson } from './admin-response.js';

export function isAdminAuthorized(authorization: string | undefined, adminToken: string): boolean {
  const match = /^Bearer ([^\s]+)$/.exec(authorization ?? '');
  const presented = createHash('sha256')
    .update(match?.[1] ?? '')
    .digest();
  const expected = createHash('sha256').update(adminToken).digest();
  return timingSafeEqual(presented, expected) && !!match;
}

/**
 * Route middleware: the admin routes answer only `Authorization: Bearer <PROVIDER_ADMIN_TOKEN>`
 * (401 `invalid_token` otherwise), checked before any body is read.
 *
 * @example
 * router.use(requireAdminToken(config.adminToken));
 */
export function requireAdminToken(adminToken: string): Middleware {
  return async (ctx, next) => {
    if (!isAdminAuthorized(ctx.get('authorization') || undefined, adminToken)) {
      ctx.set('www-authenticate', 'Bearer realm="admin"');
      sendJson(ctx, 401, { error: 'invalid_token', error_description: 'admin token required' });
      return;
    }
    await next();
  };
}
