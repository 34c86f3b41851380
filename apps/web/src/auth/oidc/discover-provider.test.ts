import { beforeEach, describe, expect, it } from 'vitest';
import { ProviderUnavailableError } from '@oauth-ref/web-auth';
import { clearDiscoveryCache, discoverProvider, IssuerMismatchError } from './discover-provider';

const metadata = (issuer: string) => ({
  issuer,
  authorization_endpoint: `${issuer}/auth`,
  token_endpoint: `${issuer}/token`,
  jwks_uri: `${issuer}/jwks`,
  end_session_endpoint: `${issuer}/session/end`,
});

describe('discoverProvider', () => {
  beforeEach(() => clearDiscoveryCache());

  it('fetches the discovery document once and caches it', async () => {
    let calls = 0;
    const fetchImpl = (async (url: string) => {
      calls += 1;
      expect(url).toBe('http://op.test/.well-known/openid-configuration');
      return Response.json(metadata('http://op.test'));
    }) as unknown as typeof fetch;
    await discoverProvider('http://op.test', fetchImpl, 0);
    const again = await discoverProvider('http://op.test', fetchImpl, 1000);
    expect(again.token_endpoint).toBe('http://op.test/token');
    expect(calls).toBe(1);
  });

  it('rejects a document whose issuer differs, even by a trailing slash', async () => {
    const fetchImpl = (async () =>
      Response.json(metadata('http://op.test/'))) as unknown as typeof fetch;
    await expect(discoverProvider('http://op.test', fetchImpl)).rejects.toBeInstanceOf(
      IssuerMismatchError,
    );
  });

  it('reports an unreachable provider as unavailable', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(discoverProvider('http://op.test', fetchImpl)).rejects.toBeInstanceOf(
      ProviderUnavailableError,
    );
  });
});
