/**
 * The admin/test API. Off unless PROVIDER_ADMIN_TOKEN is set; every route needs
 * `Authorization: Bearer <PROVIDER_ADMIN_TOKEN>`. JSON in, JSON out.
 *
 * POST   /admin/users                    {username,password,email,name,givenName?,familyName?,sub?} → 201 {sub,username}
 * DELETE /admin/users/:sub               → 204 | 404
 * POST   /admin/clients                  RFC 7591 client metadata (client_id required)               → 201 metadata
 * DELETE /admin/clients/:clientId        → 204 | 404
 * POST   /admin/tokens                   {variant,sub?,clientId?,scope?,aud?,expiresIn?,claims?}     → 200 {token,header,payload}
 * GET    /admin/keys                     → 200 {keys:[{kid,state,activateAt,retireAt}]}
 * POST   /admin/keys/rotate              {activateInSeconds?,graceSeconds?}                            → 201 {kid,activateAt,retiring}
 * POST   /admin/keys/retire              {kid?}                                                        → 200 {retired:[kid]}
 * POST   /admin/initial-access-tokens    {expiresIn?}                                                  → 201 {initial_access_token}
 */
import type { Context } from 'koa';
import { z } from 'zod';
import type { ProviderConfig } from '../config/config.js';
import { deleteUser, upsertUser } from '../accounts/user-store.js';
import { assertClientGrantPolicy, CLIENT_GRANT_POLICY } from '../engine/client-grant-policy.js';
import { deleteClient, upsertClient } from '../engine/client-store.js';
import type { EngineHost } from '../engine/engine-host.js';
import { readJson } from '../http/read-body.js';
import { Router } from '../http/router.js';
import { computeKeyRing } from '../keys/key-ring.js';
import {
  CannotRetireSignerError,
  loadKeyRows,
  retireSigningKeys,
  rotateSigningKeys,
} from '../keys/signing-key-store.js';
import type { OidcPayloadRepository } from '../persistence/oidc-payload-repository.js';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';
import { mintToken, TOKEN_VARIANTS } from './mint-token.js';
import { isAdminAuthorized } from './require-admin-token.js';

export interface AdminDeps {
  readonly config: ProviderConfig;
  readonly prisma: ProviderPrisma;
  readonly repository: OidcPayloadRepository;
  /** The running engine (rebuilt on key changes, so always ask for the current one). */
  readonly engine: () => EngineHost;
}

const userSchema = z.object({
  sub: z.string().min(1).max(200).optional(),
  username: z.string().min(1).max(100),
  password: z.string().min(8).max(200),
  email: z.email(),
  name: z.string().min(1).max(200),
  givenName: z.string().max(100).optional(),
  familyName: z.string().max(100).optional(),
});

const mintSchema = z.object({
  variant: z.enum(TOKEN_VARIANTS).default('valid'),
  sub: z.string().min(1).optional(),
  clientId: z.string().min(1).optional(),
  scope: z.string().optional(),
  aud: z.string().min(1).optional(),
  expiresIn: z.number().int().positive().max(31_536_000).optional(),
  claims: z.record(z.string(), z.unknown()).optional(),
});

const rotateSchema = z.object({
  activateInSeconds: z.number().int().min(0).max(86_400).optional(),
  graceSeconds: z.number().int().min(0).max(31_536_000).optional(),
});

const clientSchema = z.looseObject({ client_id: z.string().min(1).max(200) });

function send(ctx: Context, status: number, body?: unknown): void {
  ctx.status = status;
  ctx.set('cache-control', 'no-store');
  if (body !== undefined) ctx.body = body;
}

function invalid(ctx: Context, error: z.ZodError): void {
  send(ctx, 400, {
    error: 'invalid_request',
    error_description: error.issues
      .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
      .join('; '),
  });
}

export function createAdminRouter(deps: AdminDeps): Router {
  const { config, prisma, repository } = deps;
  const host = {
    current: () => deps.engine().current(),
    keyRing: () => deps.engine().keyRing(),
    refresh: () => deps.engine().refresh(),
  };
  const adminToken = config.adminToken;
  const router = new Router();
  if (!adminToken) return router;

  const guard =
    (handler: (ctx: Context, params: Record<string, string>) => Promise<void>) =>
    async (ctx: Context, params: Record<string, string>) => {
      if (!isAdminAuthorized(ctx.get('authorization') || undefined, adminToken)) {
        ctx.set('www-authenticate', 'Bearer realm="admin"');
        send(ctx, 401, { error: 'invalid_token', error_description: 'admin token required' });
        return;
      }
      await handler(ctx, params);
    };

  return router
    .add(
      'POST',
      '/admin/users',
      guard(async (ctx) => {
        const parsed = userSchema.safeParse(await readJson(ctx));
        if (!parsed.success) return invalid(ctx, parsed.error);
        const clash = await prisma.providerUser.findFirst({
          where: {
            OR: [{ username: parsed.data.username }, { email: parsed.data.email }],
            NOT: { id: parsed.data.sub ?? '' },
          },
        });
        if (clash)
          return send(ctx, 409, {
            error: 'invalid_request',
            error_description: 'username or email already in use',
          });
        const { id } = await upsertUser(prisma, parsed.data);
        send(ctx, 201, { sub: id, username: parsed.data.username });
      }),
    )
    .add(
      'DELETE',
      '/admin/users/:sub',
      guard(async (ctx, { sub = '' }) => {
        if (await deleteUser(prisma, sub)) send(ctx, 204);
        else send(ctx, 404, { error: 'not_found', error_description: 'no such user' });
      }),
    )
    .add(
      'POST',
      '/admin/clients',
      guard(async (ctx) => {
        const parsed = clientSchema.safeParse(await readJson(ctx));
        if (!parsed.success) return invalid(ctx, parsed.error);
        const metadata = parsed.data as Parameters<typeof upsertClient>[1];
        try {
          assertClientGrantPolicy(metadata);
          await host.current().Client.validate(metadata);
        } catch (error) {
          const description =
            (error as { error_description?: string }).error_description ??
            'invalid client metadata';
          return send(ctx, 400, {
            error: 'invalid_client_metadata',
            error_description: description,
          });
        }
        await upsertClient(repository, metadata);
        send(ctx, 201, metadata);
      }),
    )
    .add(
      'DELETE',
      '/admin/clients/:clientId',
      guard(async (ctx, { clientId = '' }) => {
        if (await deleteClient(repository, clientId)) send(ctx, 204);
        else send(ctx, 404, { error: 'not_found', error_description: 'no such client' });
      }),
    )
    .add(
      'POST',
      '/admin/tokens',
      guard(async (ctx) => {
        const parsed = mintSchema.safeParse(await readJson(ctx));
        if (!parsed.success) return invalid(ctx, parsed.error);
        const signer = host.keyRing().signer;
        if (!signer)
          return send(ctx, 503, {
            error: 'temporarily_unavailable',
            error_description: 'no signing key',
          });
        const minted = await mintToken(parsed.data, {
          issuer: config.issuer,
          apiResource: config.apiResource,
          signer: JSON.parse(signer.privateJwk),
        });
        send(ctx, 200, minted);
      }),
    )
    .add(
      'GET',
      '/admin/keys',
      guard(async (ctx) => {
        const rows = await loadKeyRows(prisma);
        const ring = computeKeyRing(rows);
        send(ctx, 200, {
          keys: rows.map((row) => ({
            kid: row.kid,
            alg: row.alg,
            state: ring.stateOf(row.kid),
            createdAt: row.createdAt,
            activateAt: row.activateAt,
            retireAt: row.retireAt,
          })),
        });
      }),
    )
    .add(
      'POST',
      '/admin/keys/rotate',
      guard(async (ctx) => {
        const parsed = rotateSchema.safeParse(await readJson(ctx));
        if (!parsed.success) return invalid(ctx, parsed.error);
        const result = await rotateSigningKeys(prisma, {
          activationDelaySeconds:
            parsed.data.activateInSeconds ?? config.keys.activationDelaySeconds,
          retirementGraceSeconds: parsed.data.graceSeconds ?? config.keys.retirementGraceSeconds,
        });
        await host.refresh();
        send(ctx, 201, result);
      }),
    )
    .add(
      'POST',
      '/admin/keys/retire',
      guard(async (ctx) => {
        const parsed = z
          .object({ kid: z.string().min(1).optional() })
          .safeParse(await readJson(ctx));
        if (!parsed.success) return invalid(ctx, parsed.error);
        try {
          const retired = await retireSigningKeys(prisma, parsed.data);
          await host.refresh();
          send(ctx, 200, { retired });
        } catch (error) {
          if (error instanceof CannotRetireSignerError) {
            return send(ctx, 409, { error: 'invalid_request', error_description: error.message });
          }
          throw error;
        }
      }),
    )
    .add(
      'POST',
      '/admin/initial-access-tokens',
      guard(async (ctx) => {
        const parsed = z
          .object({ expiresIn: z.number().int().positive().max(31_536_000).optional() })
          .safeParse(await readJson(ctx));
        if (!parsed.success) return invalid(ctx, parsed.error);
        const provider = host.current();
        const value = await new provider.InitialAccessToken({
          expiresIn: parsed.data.expiresIn ?? 3600,
          policies: [CLIENT_GRANT_POLICY],
        }).save();
        send(ctx, 201, { initial_access_token: value });
      }),
    );
}
