/**
 * `npm run seed -w @oauth-ref/provider` (the root `npm run db:seed` calls it): migrates, then seeds
 * the demo users and clients idempotently. Refuses outside demo mode: the demo passwords and
 * client secrets are public by design.
 */
import { createPrismaClient, migrateDatabase, resolveDatabaseUrl, runCli } from '@oauth-ref/db';
import { loadConfig } from '../config/config.js';
import { seedProvider } from '../seed/seed-provider.js';

await runCli({
  usage: `Usage: npm run db:seed

Migrates the database named by DATABASE_URL (unset: the embedded SQLite file), then creates or
updates the demo users and clients of libs/demo-config. The web and mobile clients' redirect and
post-logout URIs are on WEB_URL and MOBILE_URL (npm start sets them from WEB_PORT and MOBILE_PORT),
so seeding again after a port change moves them. Refused when DEMO_MODE=false.`,
  databaseUrl: () => loadConfig().databaseUrl,
  run: async () => {
    const config = loadConfig();
    if (!config.demoMode) {
      throw Object.assign(
        new Error('DEMO_MODE=false: refusing to seed the public demo users and clients.'),
        { code: 'ERR_SEED_NOT_DEMO' },
      );
    }
    const database = resolveDatabaseUrl(config.databaseUrl);
    await migrateDatabase(database.url);
    const prisma = createPrismaClient(database.url);
    try {
      const result = await seedProvider(prisma, config.demoClientUrls);
      console.log(
        `provider seed (${database.redacted}): users ${result.users.join(', ')}; clients ${result.clients.join(', ')}`,
      );
    } finally {
      await prisma.$disconnect();
    }
  },
});
