/**
 * `npm run seed -w @oauth-ref/provider` (the root `npm run db:seed` calls it): migrates, then seeds
 * the demo users and clients idempotently. Refuses outside demo mode: the demo passwords and
 * client secrets are public by design.
 */
import { createPrismaClient, migrateDatabase, resolveDatabaseUrl } from '@oauth-ref/db';
import { loadConfig } from '../config/config.js';
import { seedProvider } from '../seed/seed-provider.js';

const config = loadConfig();
if (!config.demoMode) {
  console.error('DEMO_MODE=false: refusing to seed the public demo users and clients.');
  process.exit(1);
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
