/**
 * Starts the provider: validates config, migrates the database, seeds the demo users and clients
 * (demo mode only), serves, and prints the startup banner. `node apps/provider/dist/main.js`.
 */
import { createPrismaClient, migrateDatabase, resolveDatabaseUrl } from '@oauth-ref/db';
import { demoClients, demoUsers } from '@oauth-ref/demo-config';
import { startProviderApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { createLogger, serializeError } from './logging/logger.js';
import { seedProvider } from './seed/seed-provider.js';
import { formatBanner } from './banner.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = resolveDatabaseUrl(config.databaseUrl);
  await migrateDatabase(database.url);
  const prisma = createPrismaClient(database.url);
  if (config.demoMode) await seedProvider(prisma, config.demoClientUrls);
  const app = await startProviderApp({ config, prisma, logger });
  process.stdout.write(
    formatBanner({
      config,
      database: database.redacted,
      users: config.demoMode ? demoUsers.map((user) => `${user.username} / ${user.password}`) : [],
      clients: config.demoMode
        ? demoClients.map((client) => `${client.clientId} (${client.kind})`)
        : [],
      signingKid: app.host.keyRing().signer?.kid,
      rateLimitStore: app.rateLimitStore.description,
    }),
  );
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    void app
      .close()
      .then(() => prisma.$disconnect())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('provider failed to start:', JSON.stringify(serializeError(error)));
  }
  process.exit(1);
});
