/**
 * Seeds the demo users and clients of `@oauth-ref/demo-config` (the one typed config file).
 * Idempotent: running it again updates the same rows.
 */
import { type ClientUrls, defaultUrls, demoClientsAt, demoUsers } from '@oauth-ref/demo-config';
import { upsertUser } from '../accounts/user-store.js';
import { clientMetadataFromDemo, upsertClient } from '../engine/client-store.js';
import { createPrismaOidcPayloadRepository } from '../persistence/prisma-oidc-payload-repository.js';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';

export interface SeedResult {
  readonly users: readonly string[];
  readonly clients: readonly string[];
}

/**
 * Upserts the demo users, and the demo clients with redirect URIs on `clientUrls` (the web and
 * mobile apps' origins): seeding again after a port change moves the registered URIs.
 */
export async function seedProvider(
  prisma: ProviderPrisma,
  clientUrls: ClientUrls = defaultUrls,
): Promise<SeedResult> {
  const demoClients = demoClientsAt(clientUrls);
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
