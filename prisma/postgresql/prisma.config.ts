// Prisma CLI configuration for the postgresql flavour of the data model, for teams whose machines can
// download Prisma's native schema engine:
//   npx prisma migrate deploy --config prisma/postgresql/prisma.config.ts
// Offline (and in this repo's scripts) the same migrations are applied by `npm run db:migrate`.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: './schema.prisma',
  migrations: { path: './migrations' },
  datasource: {
    url: process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test',
  },
});
