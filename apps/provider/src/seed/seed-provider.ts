/**
 * Seeds the demo users and clients of `@oauth-ref/demo-config` (the one typed config file).
 * Idempotent: running it again updates the same rows.
 */
import { demoClients, demoUsers } from '@oauth-ref/demo-config';
import { upsertUser } from '../accounts/user-store.js';
import { clientMetadataFromDemo, upsertClient } from '../engine/client-store.js';
import { createPrismaOidcPayloadRepository } from '../persistence/prisma-oidc-payload-repository.js';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';

export interface SeedResult {
  readonly users: readonly string[];
  readonly clients: readonly string[];
}

export async function seedProvider(prisma: ProviderPrisma): Promise<SeedResult> {
  const repository = createPrismaOidcPayloadRepository(prisma);
  for (const user of demoUsers) {
    await upsertUser(prisma, { ...user, seeded: true });
  }
  for (const client of demoClients) {
    await upsertClient(repository, clientMetadataFromDemo(client));
  }
  return {
    users: demoUsers.map((user) => user.username),
    clients: demoClients.map((client) => client.clientId),
  };
}
