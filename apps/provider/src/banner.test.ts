import { describe, expect, it } from 'vitest';
import { formatBanner } from './banner.js';
import { loadConfig } from './config/config.js';

function banner(env: Record<string, string>): string {
  return formatBanner({
    config: loadConfig(env),
    database: 'sqlite',
    users: [],
    clients: [],
    signingKid: 'k1',
    rateLimitStore: 'database (RateLimiterFlexible table)',
  });
}

describe('the start banner', () => {
  it('names an enabled admin API loudly, with what it can do', () => {
    const text = banner({ PROVIDER_ADMIN_API: 'on', PROVIDER_ADMIN_TOKEN: 'x'.repeat(16) });
    expect(text).toContain('admin API    ON at http://localhost:4000/admin');
    expect(text).toContain(
      '!! ADMIN API ON at http://localhost:4000/admin (PROVIDER_ADMIN_API=on)',
    );
    expect(text).toContain('mints API-valid tokens for ANY user');
  });

  it('says off, and how to opt in, when the admin API is off (even with a token set)', () => {
    const text = banner({ PROVIDER_ADMIN_TOKEN: 'x'.repeat(16) });
    expect(text).toContain('admin API    off (PROVIDER_ADMIN_API=on plus PROVIDER_ADMIN_TOKEN');
    expect(text).not.toContain('!!');
  });

  it('shows demo mode and where the rate-limit counters live', () => {
    expect(banner({ DEMO_MODE: 'true' })).toContain(
      'demo mode    ON (seeded users, password-less picker)',
    );
    expect(banner({})).toContain('demo mode    off');
    expect(banner({})).toContain('rate limits  database (RateLimiterFlexible table)');
  });
});
