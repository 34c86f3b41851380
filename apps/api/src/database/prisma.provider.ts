/** One Prisma client per process (`@oauth-ref/db` picks SQLite or PostgreSQL from the URL). */
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { PrismaClient } from '@oauth-ref/db';

export const PRISMA = Symbol('PRISMA');

/** Disconnects the shared client when the app shuts down (graceful shutdown). */
@Injectable()
export class PrismaLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
  }
}
