import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { algNone } from './attacks/alg-none';
import { expiredToken } from './attacks/expired-token';
import { hs256PublicKey } from './attacks/hs256-public-key';
import { redirectUriTampering } from './attacks/redirect-uri-tampering';
import type { AttackDefinition } from './lab-types';
import { runAttack } from './run-attack';
import { fakeSettings } from './testing/fake-settings';

const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' };

/**
 * A fake stack: the provider's discovery, JWKS and admin API, and an API that either checks
 * tokens (refuses these forgeries) or checks nothing (accepts every token) — the "rule removed".
 */
function fakeStack(api: 'checks' | 'accepts-anything', provider: 'exact' | 'redirects-anywhere') {
  const calls: string[] = [];
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url.pathname}`);
    if (url.origin === 'http://api.test') {
      return api === 'checks'
        ? new Response(JSON.stringify({ code: 'invalid_token' }), {
            status: 401,
            headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
          })
        : Response.json({ sub: 'whoever' });
    }
    if (url.pathname === '/.well-known/openid-configuration')
      return Response.json({ issuer: 'http://op.test', jwks_uri: 'http://op.test/jwks' });
    if (url.pathname === '/jwks') return Response.json({ keys: [jwk] });
    if (url.pathname === '/admin/clients' && method === 'POST')
      return Response.json({}, { status: 201 });
    if (url.pathname.startsWith('/admin/clients/') && method === 'DELETE')
      return new Response(null, { status: 204 });
    if (url.pathname === '/auth') {
      const redirectUri = url.searchParams.get('redirect_uri')!;
      return provider === 'exact'
        ? new Response('<h1>redirect_uri did not match</h1>', { status: 400 })
        : new Response(null, { status: 303, headers: { location: `${redirectUri}?code=c` } });
    }
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { fetcher, calls };
}

describe('attacks against a fake stack', () => {
  it.each([algNone, hs256PublicKey])(
    '$id is refused by an API that checks tokens, and accepted (red) by one that does not',
    async (attack) => {
      const good = await runAttack(attack, fakeSettings, fakeStack('checks', 'exact').fetcher);
      expect(good.outcome, good.summary).toBe('refused');
      const broken = await runAttack(
        attack,
        fakeSettings,
        fakeStack('accepts-anything', 'exact').fetcher,
      );
      expect(broken.outcome).toBe('accepted');
    },
  );

  it('forges the HS256 token with the JWKS key as HMAC secret, sending its kid', async () => {
    const report = await runAttack(
      hs256PublicKey,
      fakeSettings,
      fakeStack('checks', 'exact').fetcher,
    );
    const attack = report.steps.find((step) => step.role === 'attack')!;
    expect(attack.request?.tokens[0]?.header).toEqual({ alg: 'HS256', typ: 'at+jwt', kid: 'k1' });
    expect(attack.request?.tokens[0]?.payload).toMatchObject({
      iss: 'http://op.test',
      aud: 'http://api.test',
    });
  });

  it('redirect URI tampering is refused by exact matching and accepted by a lax provider; the client is deleted either way', async () => {
    const exact = fakeStack('checks', 'exact');
    const good = await runAttack(redirectUriTampering, fakeSettings, exact.fetcher);
    expect(good.outcome).toBe('refused');
    expect(exact.calls.filter((call) => call.startsWith('DELETE /admin/clients/'))).toHaveLength(1);
    const lax = fakeStack('checks', 'redirects-anywhere');
    const broken = await runAttack(redirectUriTampering, fakeSettings, lax.fetcher);
    expect(broken.outcome).toBe('accepted');
    expect(lax.calls.filter((call) => call.startsWith('DELETE /admin/clients/'))).toHaveLength(1);
  });
});

describe('runAttack', () => {
  it('turns a failing run into an error (never a refusal) and still cleans up', async () => {
    const cleaned: string[] = [];
    const failing: AttackDefinition = {
      ...algNone,
      id: 'failing',
      async run(lab) {
        lab.onCleanup('first', async () => void cleaned.push('first'));
        lab.onCleanup('second', async () => {
          throw new Error('gone already');
        });
        throw new Error('provider down');
      },
    };
    const report = await runAttack(failing, fakeSettings);
    expect(report.outcome).toBe('error');
    expect(report.summary).toContain('provider down');
    expect(cleaned).toEqual(['first']);
    expect(report.cleanup).toEqual(['second: failed (gone already)', 'first: done']);
  });

  it('says what to set when the admin API is not available', async () => {
    const report = await runAttack(
      expiredToken,
      { ...fakeSettings, adminToken: undefined },
      fakeStack('checks', 'exact').fetcher,
    );
    expect(report.outcome).toBe('error');
    expect(report.summary).toContain('PROVIDER_ADMIN_TOKEN');
  });
});
