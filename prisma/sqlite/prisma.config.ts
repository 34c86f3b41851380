// Prisma CLI configuration for the sqlite flavour of the data model, for teams whose machines can
// download Prisma's native schema engine:
//   npx prisma migrate deploy --config prisma/sqlite/prisma.config.ts
// Offline (and in this repo's scripts) the same migrations are applied by `npm run db:migrate`.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: './schema.prisma',
  migrations: { path: './migrations' },
  datasource: {
    url: process.env['DATABASE_URL'] ?? 'file:../../.data/oauth-ref.db',
  },
});
