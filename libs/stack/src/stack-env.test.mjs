import { describe, expect, it } from 'vitest';
import { stackApps } from './stack-apps.mjs';
import { buildEnv, stackEnv } from './stack-env.mjs';

const secrets = { nextAuthSecret: 'n'.repeat(32), providerAdminToken: 'p'.repeat(32) };
const moved = { PROVIDER_PORT: '4100', API_PORT: '3433', WEB_PORT: '3100', MOBILE_PORT: '8181' };
const app = (/** @type {string} */ name) =>
  /** @type {import('./stack-apps.mjs').StackApp} */ (stackApps.find((a) => a.name === name));
const [provider, api, web] = [app('provider'), app('api'), app('web')];

describe('every URL follows the port variables', () => {
  const envFor = stackEnv({ databaseUrl: undefined, secrets, portEnv: moved });

  it('moves the issuer, the audience and the CORS origins', () => {
    expect(envFor(api).OAUTH_ISSUER).toBe('http://localhost:4100');
    expect(envFor(api).OAUTH_AUDIENCE).toBe('http://localhost:3433');
    expect(envFor(api).CORS_ORIGINS).toBe('http://localhost:3100,http://localhost:8181');
    expect(envFor(provider).OAUTH_ISSUER).toBe('http://localhost:4100');
    expect(envFor(provider).API_RESOURCE).toBe('http://localhost:3433');
    expect(envFor(provider).CORS_ORIGINS).toBe('http://localhost:3100,http://localhost:8181');
  });

  it("gives the provider (and its seed) the apps' origins for the clients' redirect URIs", () => {
    expect(envFor(provider).WEB_URL).toBe('http://localhost:3100');
    expect(envFor(provider).MOBILE_URL).toBe('http://localhost:8181');
  });

  it('moves the web app and what it calls', () => {
    expect(envFor(web).NEXTAUTH_URL).toBe('http://localhost:3100');
    expect(envFor(web).API_URL).toBe('http://localhost:3433');
  });

  it("gives the web app's attack lab the provider's admin token (the admin API is on in the stack)", () => {
    expect(envFor(provider).PROVIDER_ADMIN_API).toBe('on');
    expect(envFor(web).PROVIDER_ADMIN_TOKEN).toBe(envFor(provider).PROVIDER_ADMIN_TOKEN);
    expect(envFor(api).PROVIDER_ADMIN_TOKEN).toBeUndefined();
  });

  it('builds the mobile bundle against the moved issuer and API (Nx inputs: a change rebuilds)', () => {
    expect(buildEnv(moved)).toEqual({
      EXPO_PUBLIC_OAUTH_ISSUER: 'http://localhost:4100',
      EXPO_PUBLIC_API_URL: 'http://localhost:3433',
    });
  });
});
