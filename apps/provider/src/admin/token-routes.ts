/**
 * POST /admin/tokens                 {variant,sub?,clientId?,scope?,aud?,expiresIn?,claims?} → 200 {token,header,payload}
 * POST /admin/initial-access-tokens  {expiresIn?} → 201 {initial_access_token}
 */
import type { Router } from '@koa/router';
import { z } from 'zod';
import { CLIENT_GRANT_POLICY } from '../engine/client-grant-policy.js';
import { jsonBody, parsedBody } from '../http/parse-body.js';
import type { AdminDeps } from './admin-deps.js';
import { sendInvalid, sendJson } from './admin-response.js';
import { mintToken, TOKEN_VARIANTS } from './mint-token.js';

const mintSchema = z.object({
  variant: z.enum(TOKEN_VARIANTS).default('valid'),
  sub: z.string().min(1).optional(),
  clientId: z.string().min(1).optional(),
  scope: z.string().optional(),
  aud: z.string().min(1).optional(),
  expiresIn: z.number().int().positive().max(31_536_000).optional(),
  claims: z.record(z.string(), z.unknown()).optional(),
});

const initialAccessTokenSchema = z.object({
  expiresIn: z.number().int().positive().max(31_536_000).optional(),
});

export function addTokenRoutes(router: Router, { config, engine }: AdminDeps): void {
  router.post('/admin/tokens', jsonBody(), async (ctx) => {
    const parsed = mintSchema.safeParse(parsedBody(ctx));
    if (!parsed.success) return sendInvalid(ctx, parsed.error);
    const signer = engine().keyRing().signer;
    if (!signer)
      return sendJson(ctx, 503, {
        error: 'temporarily_unavailable',
        error_description: 'no signing key',
      });
    const minted = await mintToken(parsed.data, {
      issuer: config.issuer,
      apiResource: config.apiResource,
      signer: JSON.parse(signer.privateJwk),
    });
    sendJson(ctx, 200, minted);
  });

  router.post('/admin/initial-access-tokens', jsonBody(), async (ctx) => {
    const parsed = initialAccessTokenSchema.safeParse(parsedBody(ctx));
    if (!parsed.success) return sendInvalid(ctx, parsed.error);
    const provider = engine().current();
    const value = await new provider.InitialAccessToken({
      expiresIn: parsed.data.expiresIn ?? 3600,
      policies: [CLIENT_GRANT_POLICY],
    }).save();
    sendJson(ctx, 201, { initial_access_token: value });
  });
}
