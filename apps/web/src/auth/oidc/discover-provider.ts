/**
 * OpenID Connect Discovery 1.0 §4 / RFC 8414 §3: the metadata is fetched from
 * `<issuer>/.well-known/openid-configuration` and its `issuer` must equal the configured issuer
 * exactly (§4.3; no trailing-slash leniency). Cached per process for ten minutes; next-auth's
 * sign-in does its own discovery, this copy serves refresh, revocation, logout and userinfo.
 */
import { z } from 'zod';
import { ProviderErrorResponse, ProviderUnavailableError } from '@oauth-ref/web-auth';

export const providerMetadataSchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  userinfo_endpoint: z.url().optional(),
  revocation_endpoint: z.url().optional(),
  end_session_endpoint: z.url().optional(),
  authorization_response_iss_parameter_supported: z.boolean().optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
});
export type ProviderMetadata = z.infer<typeof providerMetadataSchema>;

export class IssuerMismatchError extends ProviderErrorResponse {
  constructor(
    readonly expected: string,
    readonly received: string,
  ) {
    super('issuer_mismatch', 200);
    this.message = `Discovery document issuer ${received} does not equal the configured issuer ${expected}`;
  }
}

const TTL_MS = 10 * 60_000;
const cache = new Map<string, { at: number; metadata: ProviderMetadata }>();

/**
 * @example
 * const metadata = await discoverProvider('http://localhost:4000');
 * metadata.token_endpoint; // 'http://localhost:4000/token'
 */
export async function discoverProvider(
  issuer: string,
  fetchImpl: typeof fetch = fetch,
  nowMs: number = Date.now(),
): Promise<ProviderMetadata> {
  const cached = cache.get(issuer);
  if (cached && nowMs - cached.at < TTL_MS) return cached.metadata;
  let response: Response;
  try {
    response = await fetchImpl(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    throw new ProviderUnavailableError(error instanceof Error ? error.message : 'discovery failed');
  }
  if (response.status >= 500)
    throw new ProviderUnavailableError(`discovery answered ${response.status}`);
  if (!response.ok) throw new ProviderErrorResponse('discovery_failed', response.status);
  const parsed = providerMetadataSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    throw new ProviderErrorResponse('invalid_discovery_document', response.status);
  if (parsed.data.issuer !== issuer) throw new IssuerMismatchError(issuer, parsed.data.issuer);
  cache.set(issuer, { at: nowMs, metadata: parsed.data });
  return parsed.data;
}

/** For tests. */
export function clearDiscoveryCache(): void {
  cache.clear();
}
