import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, CONFIG_VARIABLES, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the stack contract (issuer :4000, API :3333, port 4000, admin off)', () => {
    const config = loadConfig({});
    expect(config.issuer).toBe('http://localhost:4000');
    expect(config.apiResource).toBe('http://localhost:3333');
    expect(config.port).toBe(4000);
    expect(config.adminToken).toBeUndefined();
    expect(config.corsOrigins).toEqual(['http://localhost:3000', 'http://localhost:8081']);
    expect(config.demoMode).toBe(true);
    expect(Object.isFrozen(config) && Object.isFrozen(config.lifetimes)).toBe(true);
  });

  it('normalises a lone trailing slash so iss never drifts', () => {
    expect(loadConfig({ OAUTH_ISSUER: 'http://localhost:4000/' }).issuer).toBe(
      'http://localhost:4000',
    );
    expect(loadConfig({ OAUTH_ISSUER: 'https://ID.example.com/tenant/' }).issuer).toBe(
      'https://id.example.com/tenant',
    );
  });

  it.each([
    ['not a url', 'localhost:4000x'],
    ['a query', 'http://localhost:4000?x=1'],
    ['a fragment', 'http://localhost:4000#x'],
    ['another scheme', 'ftp://localhost:4000'],
    ['credentials', 'http://user:pw@localhost:4000'],
  ])('refuses an issuer with %s', (_why, value) => {
    expect(() => loadConfig({ OAUTH_ISSUER: value })).toThrow(ConfigError);
  });

  it('reads lifetimes and leeway from the environment (short values for tests)', () => {
    const config = loadConfig({
      ACCESS_TOKEN_TTL_SECONDS: '5',
      REFRESH_TOKEN_TTL_SECONDS: '30',
      CLOCK_TOLERANCE_SECONDS: '0',
    });
    expect(config.lifetimes).toMatchObject({
      accessToken: 5,
      refreshToken: 30,
      clockTolerance: 0,
      authorizationCode: 60,
    });
  });

  it('refuses non-positive lifetimes and a short admin token', () => {
    expect(() => loadConfig({ ACCESS_TOKEN_TTL_SECONDS: '0' })).toThrow(/ACCESS_TOKEN_TTL_SECONDS/);
    expect(() => loadConfig({ PROVIDER_ADMIN_TOKEN: 'short' })).toThrow(/at least 16/);
  });

  it('parses CORS origins and refuses paths', () => {
    expect(loadConfig({ CORS_ORIGINS: 'http://a.test, https://b.test:8443' }).corsOrigins).toEqual([
      'http://a.test',
      'https://b.test:8443',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'http://a.test/path' })).toThrow(ConfigError);
  });

  it('treats empty variables as unset and parses DEMO_MODE', () => {
    expect(loadConfig({ PROVIDER_ADMIN_TOKEN: '', DEMO_MODE: 'false' })).toMatchObject({
      adminToken: undefined,
      demoMode: false,
      trustProxy: false,
    });
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(() => loadConfig({ DEMO_MODE: 'maybe' })).toThrow(ConfigError);
  });

  it('documents every variable in .env.example, and nothing else', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);
    expect(new Set(documented)).toEqual(new Set(CONFIG_VARIABLES));
  });
});
