/**
 * The admin/test API, one file per resource: users, clients, tokens (minted access tokens and
 * initial access tokens), signing keys. Off unless PROVIDER_ADMIN_TOKEN is set (then no path
 * exists); every route needs `Authorization: Bearer <PROVIDER_ADMIN_TOKEN>`. JSON in, JSON out.
 */
import { Router } from '@koa/router';
import type { AdminDeps } from './admin-deps.js';
import { addClientRoutes } from './client-routes.js';
import { addKeyRoutes } from './key-routes.js';
import { requireAdminToken } from './require-admin-token.js';
import { addTokenRoutes } from './token-routes.js';
import { addUserRoutes } from './user-routes.js';

export type { AdminDeps } from './admin-deps.js';

export function createAdminRouter(deps: AdminDeps): Router {
  const router = new Router();
  const { adminToken } = deps.config;
  if (!adminToken) return router;
  router.use(requireAdminToken(adminToken));
  for (const addRoutes of [addUserRoutes, addClientRoutes, addTokenRoutes, addKeyRoutes])
    addRoutes(router, deps);
  return router;
}
