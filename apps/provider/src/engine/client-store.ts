/**
 * Clients live in the `OidcPayload` table as the engine's `Client` model (the same place dynamic
 * registration writes them), so every instance sees runtime changes at once.
 */
import type { ClientMetadata } from 'oidc-provider';
import type { DemoClient } from '@oauth-ref/demo-config';
import { OidcAdapter } from '../persistence/oidc-adapter.js';
import type { OidcPayloadRepository } from '../persistence/oidc-payload-repository.js';

export function clientMetadataFromDemo(client: DemoClient): ClientMetadata {
  const isMachine = client.kind === 'machine';
  return {
    client_id: client.clientId,
    ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
    client_name: client.name,
    application_type: client.kind === 'public-native' ? 'native' : 'web',
    redirect_uris: [...client.redirectUris],
    post_logout_redirect_uris: [...client.postLogoutRedirectUris],
    grant_types: [...client.grantTypes],
    response_types: isMachine ? [] : ['code'],
    token_endpoint_auth_method: client.tokenEndpointAuthMethod,
    scope: client.scope,
    ...(client.dpopBoundAccessTokens ? { dpop_bound_access_tokens: true } : {}),
  };
}

export async function upsertClient(
  repository: OidcPayloadRepository,
  metadata: ClientMetadata,
): Promise<void> {
  await new OidcAdapter('Client', repository).upsert(metadata.client_id, { ...metadata });
}

export async function deleteClient(
  repository: OidcPayloadRepository,
  clientId: string,
): Promise<boolean> {
  const adapter = new OidcAdapter('Client', repository);
  const existing = await adapter.find(clientId);
  if (!existing) return false;
  await adapter.destroy(clientId);
  return true;
}

export async function listClients(
  repository: OidcPayloadRepository,
  ids: readonly string[],
): Promise<ClientMetadata[]> {
  const adapter = new OidcAdapter('Client', repository);
  const found = await Promise.all(ids.map((id) => adapter.find(id)));
  return found.filter((value): value is NonNullable<typeof value> => !!value) as ClientMetadata[];
}
