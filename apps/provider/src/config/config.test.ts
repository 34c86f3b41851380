import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, CONFIG_VARIABLES, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the stack contract (issuer :4000, API :3333, port 4000, admin and demo off)', () => {
    const config = loadConfig({});
    expect(config.issuer).toBe('http://localhost:4000');
    expect(config.apiResource).toBe('http://localhost:3333');
    expect(config.port).toBe(4000);
    expect(config.adminToken).toBeUndefined();
    expect(config.corsOrigins).toEqual(['http://localhost:3000', 'http://localhost:8081']);
    expect(config.demoMode).toBe(false);
    expect(config.redisUrl).toBeUndefined();
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

  it('turns the admin API on only with PROVIDER_ADMIN_API=on and the token', () => {
    const token = 'x'.repeat(16);
    expect(loadConfig({ PROVIDER_ADMIN_TOKEN: token }).adminToken).toBeUndefined();
    expect(
      loadConfig({ PROVIDER_ADMIN_TOKEN: token, PROVIDER_ADMIN_API: 'off' }).adminToken,
    ).toBeUndefined();
    expect(loadConfig({ PROVIDER_ADMIN_TOKEN: token, PROVIDER_ADMIN_API: 'on' }).adminToken).toBe(
      token,
    );
    expect(() => loadConfig({ PROVIDER_ADMIN_API: 'on' })).toThrow(/needs PROVIDER_ADMIN_TOKEN/);
    expect(() => loadConfig({ PROVIDER_ADMIN_API: 'yes', PROVIDER_ADMIN_TOKEN: token })).toThrow(
      ConfigError,
    );
  });

  it('refuses the admin API with an https issuer or NODE_ENV=production', () => {
    const on = { PROVIDER_ADMIN_API: 'on', PROVIDER_ADMIN_TOKEN: 'x'.repeat(16) };
    expect(() => loadConfig({ ...on, OAUTH_ISSUER: 'https://id.example.com' })).toThrow(
      /PROVIDER_ADMIN_API=on is refused with an https issuer/,
    );
    expect(() => loadConfig({ ...on, NODE_ENV: 'production' })).toThrow(
      /PROVIDER_ADMIN_API=on is refused with NODE_ENV=production/,
    );
    expect(
      loadConfig({ OAUTH_ISSUER: 'https://id.example.com', NODE_ENV: 'production' }),
    ).toMatchObject({ adminToken: undefined, demoMode: false });
  });

  it('refuses demo mode (the password-less picker) with an https issuer', () => {
    expect(() => loadConfig({ DEMO_MODE: 'true', OAUTH_ISSUER: 'https://id.example.com' })).toThrow(
      /DEMO_MODE is refused with an https issuer/,
    );
    expect(loadConfig({ DEMO_MODE: 'true' }).demoMode).toBe(true);
  });

  it('accepts a redis:// or rediss:// REDIS_URL and refuses anything else', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe(
      'redis://127.0.0.1:6379',
    );
    expect(loadConfig({ REDIS_URL: 'rediss://cache.example.com:6380/1' }).redisUrl).toBe(
      'rediss://cache.example.com:6380/1',
    );
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ REDIS_URL: '127.0.0.1:6379' })).toThrow(/REDIS_URL/);
  });

  it('documents every variable in .env.example, and nothing else', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);
    expect(new Set(documented)).toEqual(new Set(CONFIG_VARIABLES));
  });
});
