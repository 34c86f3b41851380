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
    });
    expect(Object.isFrozen(config)).toBe(true);
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
