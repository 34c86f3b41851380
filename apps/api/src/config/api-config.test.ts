import { machineRules, resolveBearerAuthOptions } from '@oauth-ref/nest-bearer-auth';
import { describe, expect, it } from 'vitest';
import { ApiConfigError, parseApiConfig } from './api-config.js';

describe('parseApiConfig', () => {
  it('applies the stack defaults and freezes the result', () => {
    const config = parseApiConfig({});
    expect(config).toMatchObject({
      port: 3333,
      issuer: 'http://localhost:4000',
      audience: 'http://localhost:3333',
      jwksUri: undefined,
      corsOrigins: ['http://localhost:3000', 'http://localhost:8081'],
      logLevel: 'info',
      publicUrl: 'http://localhost:3333',
      tokens: {
        profile: 'rfc9068',
        clientIdClaims: ['client_id'],
        scopeClaim: 'scope',
        machineRule: 'sub-equals-client-id',
      },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.tokens)).toBe(true);
    expect(Object.isFrozen(config.tokens.clientIdClaims)).toBe(true);
  });

  it('reads the shared-store, rate-limit and DPoP settings, with their defaults', () => {
    expect(parseApiConfig({})).toMatchObject({
      redisUrl: undefined,
      dpop: { required: false, proofMaxAgeSeconds: 60 },
      rateLimit: {
        max: 300,
        subjectMax: 300,
        clientMax: 3000,
        webClientId: 'oauth-ref-web',
        webClientMax: 30_000,
      },
    });
    expect(
      parseApiConfig({
        REDIS_URL: 'rediss://cache.example:6380',
        DPOP_REQUIRED: 'true',
        DPOP_PROOF_MAX_AGE_SECONDS: '120',
        RATE_LIMIT_WEB_CLIENT_ID: 'my-bff',
      }),
    ).toMatchObject({
      redisUrl: 'rediss://cache.example:6380',
      dpop: { required: true, proofMaxAgeSeconds: 120 },
      rateLimit: { webClientId: 'my-bff' },
    });
    expect(() =>
      parseApiConfig({
        REDIS_URL: 'http://cache',
        DPOP_REQUIRED: 'yes',
        DPOP_PROOF_MAX_AGE_SECONDS: '900',
      }),
    ).toThrow(/REDIS_URL[\s\S]*DPOP_REQUIRED[\s\S]*DPOP_PROOF_MAX_AGE_SECONDS/);
  });

  it('reads every variable', () => {
    const config = parseApiConfig({
      PORT: '4444',
      OAUTH_ISSUER: 'https://tenant.example.com/',
      OAUTH_AUDIENCE: 'https://api.example.com',
      OAUTH_JWKS_URI: 'https://tenant.example.com/.well-known/jwks.json',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test',
      CORS_ORIGINS: 'https://app.example.com, https://m.example.com',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '10',
      RATE_LIMIT_WINDOW_SECONDS: '1',
      JWKS_MAX_AGE_SECONDS: '5',
      JWKS_COOLDOWN_SECONDS: '2',
    });
    expect(config).toMatchObject({
      jwks: { maxAgeSeconds: 5, cooldownSeconds: 2 },
      port: 4444,
      issuer: 'https://tenant.example.com/',
      corsOrigins: ['https://app.example.com', 'https://m.example.com'],
      rateLimit: { max: 10, windowSeconds: 1 },
    });
  });

  it('names every malformed variable in one clear error', () => {
    let error: unknown;
    try {
      parseApiConfig({
        PORT: 'eighty',
        OAUTH_ISSUER: 'localhost:4000',
        CORS_ORIGINS: 'http://localhost:3000/',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT: PORT must be an integer between 1 and 65535 (got "eighty")');
    expect(message).toContain(
      'OAUTH_ISSUER: OAUTH_ISSUER must be an absolute http(s) URL (got "localhost:4000")',
    );
    expect(message).toContain('CORS_ORIGINS');
    expect(message).toContain('LOG_LEVEL');
    expect(message).toContain('DATABASE_URL');
  });
});

describe('parseApiConfig: provider token shapes', () => {
  it('reads the Entra ID recipe: generic-jwt, azp then appid, scp, idtyp-app, api:// audience', () => {
    const config = parseApiConfig({
      OAUTH_AUDIENCE: 'api://6f1c2f3a-0000-4000-8000-000000000001',
      API_PUBLIC_URL: 'https://api.example.com',
      OAUTH_TOKEN_PROFILE: 'generic-jwt',
      OAUTH_CLIENT_ID_CLAIMS: 'azp, appid',
      OAUTH_SCOPE_CLAIM: 'scp',
      OAUTH_MACHINE_RULE: 'idtyp-app',
    });
    expect(config).toMatchObject({
      audience: 'api://6f1c2f3a-0000-4000-8000-000000000001',
      publicUrl: 'https://api.example.com',
      tokens: {
        profile: 'generic-jwt',
        clientIdClaims: ['azp', 'appid'],
        scopeClaim: 'scp',
        machineRule: 'idtyp-app',
      },
    });
  });

  it('accepts the Auth0 rule and the permissions claim with the default profile', () => {
    const config = parseApiConfig({
      OAUTH_SCOPE_CLAIM: 'permissions',
      OAUTH_MACHINE_RULE: 'auth0-clients-suffix',
      OAUTH_CLIENT_ID_CLAIMS: 'client_id',
    });
    expect(config.tokens).toMatchObject({
      profile: 'rfc9068',
      clientIdClaims: ['client_id'],
      scopeClaim: 'permissions',
      machineRule: 'auth0-clients-suffix',
    });
  });

  it('accepts a bare audience (an Entra v2 GUID) only with generic-jwt, and then needs API_PUBLIC_URL', () => {
    const guid = '6f1c2f3a-0000-4000-8000-000000000001';
    expect(() =>
      parseApiConfig({ OAUTH_AUDIENCE: guid, API_PUBLIC_URL: 'https://api.example.com' }),
    ).toThrow(/OAUTH_AUDIENCE must be an absolute URI .* needs OAUTH_TOKEN_PROFILE=generic-jwt/);
    expect(() =>
      parseApiConfig({ OAUTH_AUDIENCE: guid, OAUTH_TOKEN_PROFILE: 'generic-jwt' }),
    ).toThrow(/API_PUBLIC_URL is required when OAUTH_AUDIENCE is not an http\(s\) URL/);
    expect(
      parseApiConfig({
        OAUTH_AUDIENCE: guid,
        OAUTH_TOKEN_PROFILE: 'generic-jwt',
        API_PUBLIC_URL: 'https://api.example.com',
      }).audience,
    ).toBe(guid);
    expect(() => parseApiConfig({ OAUTH_AUDIENCE: 'api://x' })).toThrow(
      /API_PUBLIC_URL is required/,
    );
  });

  it('refuses unknown names, client id claims beyond client_id with rfc9068, and a bad public URL', () => {
    let error: unknown;
    try {
      parseApiConfig({
        OAUTH_TOKEN_PROFILE: 'lenient',
        OAUTH_SCOPE_CLAIM: 'roles',
        OAUTH_MACHINE_RULE: 'sub-ends-with-clients',
        API_PUBLIC_URL: 'api://x',
        OAUTH_AUDIENCE: 'http://localhost:3333#x',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiConfigError);
    const message = (error as Error).message;
    expect(message).toContain(
      'OAUTH_TOKEN_PROFILE: OAUTH_TOKEN_PROFILE must be one of rfc9068, generic-jwt',
    );
    expect(message).toContain(
      'OAUTH_SCOPE_CLAIM: OAUTH_SCOPE_CLAIM must be one of scope, scp, permissions',
    );
    expect(message).toContain(
      'OAUTH_MACHINE_RULE: OAUTH_MACHINE_RULE must be one of sub-equals-client-id, auth0-clients-suffix, idtyp-app',
    );
    expect(message).toContain('API_PUBLIC_URL: API_PUBLIC_URL must be an absolute http(s) URL');
    expect(() => parseApiConfig({ OAUTH_CLIENT_ID_CLAIMS: 'cid' })).toThrow(
      /OAUTH_CLIENT_ID_CLAIMS other than client_id needs OAUTH_TOKEN_PROFILE=generic-jwt/,
    );
    expect(() =>
      parseApiConfig({ OAUTH_TOKEN_PROFILE: 'generic-jwt', OAUTH_CLIENT_ID_CLAIMS: 'azp,azp' }),
    ).toThrow(/must not name a claim twice/);
    expect(() =>
      parseApiConfig({
        OAUTH_TOKEN_PROFILE: 'generic-jwt',
        OAUTH_AUDIENCE: 'http://localhost:3333#x',
      }),
    ).toThrow(/OAUTH_AUDIENCE/);
  });

  it('builds options the bearer-auth module accepts for every recipe', () => {
    for (const env of [
      {},
      {
        OAUTH_TOKEN_PROFILE: 'generic-jwt',
        OAUTH_CLIENT_ID_CLAIMS: 'cid',
        OAUTH_SCOPE_CLAIM: 'scp',
      },
      {
        OAUTH_TOKEN_PROFILE: 'generic-jwt',
        OAUTH_AUDIENCE: '6f1c2f3a-0000-4000-8000-000000000001',
        API_PUBLIC_URL: 'https://api.example.com',
        OAUTH_CLIENT_ID_CLAIMS: 'azp,appid',
        OAUTH_SCOPE_CLAIM: 'scp',
        OAUTH_MACHINE_RULE: 'idtyp-app',
      },
    ]) {
      const config = parseApiConfig(env);
      const options = resolveBearerAuthOptions({
        issuer: config.issuer,
        audience: config.audience,
        resource: config.publicUrl,
        tokenProfile: config.tokens.profile,
        clientIdClaims: config.tokens.clientIdClaims,
        scopeClaim: config.tokens.scopeClaim,
        principalKind: machineRules[config.tokens.machineRule],
      });
      expect(options.tokenProfile).toBe(config.tokens.profile);
    }
  });
});
