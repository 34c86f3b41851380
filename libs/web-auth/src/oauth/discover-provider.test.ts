import { beforeEach, describe, expect, it } from 'vitest';
import { ProviderErrorResponse, ProviderUnavailableError } from '../errors.js';
import { chooseIdTokenAlgorithm } from '../next-auth/oidc-provider.js';
import { clearDiscoveryCache, discoverProvider, IssuerMismatchError } from './discover-provider.js';

const metadata = (issuer: string) => ({
  issuer,
  authorization_endpoint: `${issuer}/auth`,
  token_endpoint: `${issuer}/token`,
  jwks_uri: `${issuer}/jwks`,
  response_types_supported: ['code'],
  end_session_endpoint: `${issuer}/session/end`,
});

const serving = (body: unknown, status = 200) =>
  (async () => Response.json(body, { status })) as unknown as typeof fetch;

describe('discoverProvider', () => {
  beforeEach(() => clearDiscoveryCache());

  it('fetches the discovery document once and caches it for ten minutes', async () => {
    let calls = 0;
    const fetchImpl = (async (url: string) => {
      calls += 1;
      expect(url).toBe('https://op.test/.well-known/openid-configuration');
      return Response.json(metadata('https://op.test'));
    }) as unknown as typeof fetch;
    await discoverProvider('https://op.test', fetchImpl, 0);
    const again = await discoverProvider('https://op.test', fetchImpl, 1000);
    expect(again.token_endpoint).toBe('https://op.test/token');
    expect(calls).toBe(1);
    await discoverProvider('https://op.test', fetchImpl, 10 * 60_000);
    expect(calls).toBe(2);
  });

  it('keeps what the schema does not name, so the ID token algorithm choice sees it', async () => {
    // The old schema was a plain z.object: it dropped id_token_signing_alg_values_supported, and
    // chooseIdTokenAlgorithm always fell back to RS256.
    const document = {
      ...metadata('https://op.test'),
      id_token_signing_alg_values_supported: ['ES256'],
      'x-vendor': true,
    };
    const discovered = await discoverProvider('https://op.test', serving(document));
    expect(discovered['x-vendor']).toBe(true);
    expect(chooseIdTokenAlgorithm(discovered.id_token_signing_alg_values_supported)).toBe('ES256');
  });

  it('rejects a document whose issuer differs, even by a trailing slash', async () => {
    await expect(
      discoverProvider('https://op.test', serving(metadata('https://op.test/'))),
    ).rejects.toBeInstanceOf(IssuerMismatchError);
  });

  it('reports an unreachable provider as unavailable', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(discoverProvider('https://op.test', fetchImpl)).rejects.toBeInstanceOf(
      ProviderUnavailableError,
    );
  });

  it('reports another status or a document that is not metadata as a provider error', async () => {
    await expect(discoverProvider('https://op.test', serving({}, 404))).rejects.toMatchObject({
      oauthError: 'discovery_failed',
      status: 404,
    });
    const error = await discoverProvider(
      'https://op.test',
      serving({ issuer: 'https://op.test' }),
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ProviderErrorResponse);
    expect(error).toMatchObject({ oauthError: 'invalid_discovery_document', status: 200 });
  });
});
