/** The Prisma client the provider works with (from `@oauth-ref/db`, SQLite or PostgreSQL). */
export type { PrismaClient as ProviderPrisma } from '@oauth-ref/db';
