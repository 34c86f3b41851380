/**
 * Assembles the provider: database-backed engine, our pages and admin API in front of it, the key
 * refresher and the sweeper, served by one node:http server.
 */
import { createServer, type Server } from 'node:http';
import type { Middleware } from 'koa';
import type { AddressInfo } from 'node:net';
import { createPrismaClient } from '@oauth-ref/db';
import type { ProviderConfig } from './config/config.js';
import { createFindAccount } from './accounts/find-account.js';
import { createUserDirectory } from './accounts/user-directory.js';
import { createAdminRouter } from './admin/admin-router.js';
import { EngineHost } from './engine/engine-host.js';
import { createHealthRouter } from './http/health-routes.js';
import { authorizationServerMetadataAlias } from './http/metadata-alias.js';
import { securityHeaders } from './http/security-headers.js';
import { strictClientAuthentication } from './http/strict-client-authentication.js';
import { userinfoAudienceHint } from './http/userinfo-audience-hint.js';
import { createInteractionRouter } from './interactions/interaction-routes.js';
import { ensureSigningKey } from './keys/signing-key-store.js';
import { createLogger, type Logger } from './logging/logger.js';
import { createClientCachingRepository } from './persistence/client-cache.js';
import { CLIENT_VERSION, readSharedVersion } from './persistence/shared-version.js';
import { ensureCookieKeys } from './persistence/cookie-keys.js';
import { createRequestMemoRepository } from './persistence/request-memo.js';
import { createOidcAdapterFactory } from './persistence/oidc-adapter.js';
import { createPrismaOidcPayloadRepository } from './persistence/prisma-oidc-payload-repository.js';
import type { ProviderPrisma } from './persistence/provider-prisma.js';
import { startSweeper } from './persistence/sweep-expired.js';
import {
  createRateLimitStore,
  type RateLimitStore,
} from './rate-limits/create-rate-limit-store.js';
import { createLoginRateLimiter } from './rate-limits/login-rate-limiter.js';

export interface ProviderAppOptions {
  readonly config: ProviderConfig;
  /** Share a client (tests); otherwise one is created from `config.databaseUrl` and owned here. */
  readonly prisma?: ProviderPrisma;
  readonly logger?: Logger;
  /**
   * Where the engine keeps its artefacts: `prisma` (always, in real use) or the engine's own
   * in-memory LRU (`memory`, for the benchmark's baseline only: not shared, not durable).
   */
  readonly engineStorage?: 'prisma' | 'memory';
}

export interface ProviderApp {
  readonly server: Server;
  readonly host: EngineHost;
  readonly prisma: ProviderPrisma;
  /** Where the shared counters live (database or Redis). */
  readonly rateLimitStore: RateLimitStore;
  /** The bound URL (useful with PORT=0). */
  readonly url: string;
  close(): Promise<void>;
}

export async function startProviderApp(options: ProviderAppOptions): Promise<ProviderApp> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const prisma = options.prisma ?? createPrismaClient(config.databaseUrl);
  const repository = await createClientCachingRepository(
    createRequestMemoRepository(createPrismaOidcPayloadRepository(prisma)),
    {
      readVersion: () => readSharedVersion(prisma, CLIENT_VERSION),
      checkIntervalMs: config.cacheCheckMs,
      onError: (error) => logger.warn({ err: error }, 'client cache check failed'),
    },
  );

  const users = await createUserDirectory(prisma, {
    checkIntervalMs: config.cacheCheckMs,
    onError: (error) => logger.warn({ err: error }, 'user cache check failed'),
  });

  await ensureSigningKey(prisma);
  const cookieKeys = await ensureCookieKeys(prisma);

  // The routers are built before the engine host exists and ask for it on each request.
  const started: { host?: EngineHost } = {};
  const health = createHealthRouter(prisma, () => started.host, config.issuer);
  const engine = (): EngineHost => {
    if (!started.host) throw new Error('engine not started');
    return started.host;
  };
  const admin = createAdminRouter({ config, prisma, repository, engine });
  const rateLimitStore = createRateLimitStore(prisma, config.redisUrl);
  const loginLimiter = createLoginRateLimiter(rateLimitStore, config.loginRateLimit);

  const host = await EngineHost.start({
    config,
    prisma,
    adapter: options.engineStorage === 'memory' ? undefined : createOidcAdapterFactory(repository),
    cookieKeys,
    findAccount: createFindAccount(users),
    logger,
    middleware: (provider) => [
      securityHeaders(logger),
      authorizationServerMetadataAlias(),
      strictClientAuthentication(provider),
      userinfoAudienceHint(config.apiResource),
      ...[
        health,
        admin,
        createInteractionRouter({ provider, prisma, users, config, loginLimiter }),
      ].flatMap((router) => [router.routes(), router.allowedMethods()] as Middleware[]),
    ],
  });

  started.host = host;

  const stopSweeper = startSweeper(repository, prisma, config.sweepIntervalSeconds, (error) =>
    logger.error({ err: error }, 'sweep failed'),
  );

  const server = createServer(host.handle);
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    server,
    host,
    prisma,
    rateLimitStore,
    url: `http://localhost:${port}`,
    async close() {
      stopSweeper();
      repository.stop();
      users.stop();
      host.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rateLimitStore.close();
      if (!options.prisma) await prisma.$disconnect();
    },
  };
}
