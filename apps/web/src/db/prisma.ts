/**
 * One Prisma client per server process (kept on globalThis so dev hot reloads do not open a new
 * pool each time).
 */
import { createPrismaClient, type PrismaClient } from '@oauth-ref/db';
import { config } from '../config/config.js';

const holder = globalThis as typeof globalThis & { __oauthRefWebPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  holder.__oauthRefWebPrisma ??= createPrismaClient(config.databaseUrl);
  return holder.__oauthRefWebPrisma;
}
