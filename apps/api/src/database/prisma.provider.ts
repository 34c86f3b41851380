/** One Prisma client per process (`@oauth-ref/db` picks SQLite or PostgreSQL from the URL). */
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { PrismaClient } from '@oauth-ref/db';

import type { SharedStores } from '../shared-store/create-shared-stores.js';

export const PRISMA = Symbol('PRISMA');
export const SHARED_STORES = Symbol('SHARED_STORES');

/** Closes the shared stores, then disconnects the shared client, when the app shuts down. */
@Injectable()
export class PrismaLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(SHARED_STORES) private readonly stores: SharedStores,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.stores.close();
    await this.prisma.$disconnect();
  }
}
