import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JwksClient } from './jwks-client.js';
import { JwksUnavailableError } from './errors/bearer-auth-error.js';
import { startTestIssuer, type TestIssuer } from './testing/index.js';

let issuer: TestIssuer;
let clock = 0;
const now = () => clock;

beforeEach(async () => {
  issuer = await startTestIssuer();
  clock = 1_000_000;
});
afterEach(async () => {
  await issuer.close();
});

const rsKid = () => issuer.jwks.keys.find((key) => key.alg === 'RS256')?.kid;

describe('JwksClient', () => {
  it('discovers jwks_uri from the issuer metadata when none is configured', async () => {
    const client = new JwksClient({ issuer: issuer.issuer, now });
    await client.getKey(rsKid(), 'RS256');
    expect(client.status().jwksUri).toBe(issuer.jwksUri);
    expect(issuer.metadataRequests).toBe(1);
  });

  it('refuses discovery metadata whose issuer differs from the configured one', async () => {
    const liar = await startTestIssuer({ advertisedIssuer: 'https://evil.example' });
    try {
      const client = new JwksClient({ issuer: liar.issuer, now });
      await expect(client.getKey('any', 'RS256')).rejects.toBeInstanceOf(JwksUnavailableError);
      expect(client.status().lastError).toMatch(/RFC 8414 §3.3: issuer MUST be identical/);
      expect(liar.jwksRequests).toBe(0);
    } finally {
      await liar.close();
    }
  });

  it('merges concurrent fetches into one request and caches the keys', async () => {
    const client = new JwksClient({ issuer: issuer.issuer, jwksUri: issuer.jwksUri, now });
    await Promise.all(Array.from({ length: 50 }, () => client.getKey(rsKid(), 'RS256')));
    await client.getKey(rsKid(), 'RS256');
    expect(issuer.jwksRequests).toBe(1);
  });

  it('imports each key once: the same KeyObject is returned across requests and refetches', async () => {
    const client = new JwksClient({
      issuer: issuer.issuer,
      jwksUri: issuer.jwksUri,
      now,
      maxAgeMs: 10,
    });
    const first = await client.getKey(rsKid(), 'RS256');
    clock += 20; // stale: background refresh
    await client.getKey(rsKid(), 'RS256');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(issuer.jwksRequests).toBe(2);
    expect(await client.getKey(rsKid(), 'RS256')).toBe(first);
  });

  it('refetches for an unknown kid at most once per cooldown (a flood of random kids cannot flood the issuer)', async () => {
    const client = new JwksClient({
      issuer: issuer.issuer,
      jwksUri: issuer.jwksUri,
      now,
      cooldownMs: 30_000,
    });
    await client.getKey(rsKid(), 'RS256');
    clock += 30_000;
    const attempts = Array.from({ length: 200 }, (_, index) =>
      client.getKey(`random-${index}`, 'RS256').catch((error: Error) => error),
    );
    const results = await Promise.all(attempts);
    expect(
      results.every(
        (result) => result instanceof Error && 'code' in result && result.code === 'key_unknown',
      ),
    ).toBe(true);
    expect(issuer.jwksRequests).toBe(2);
    for (let index = 0; index < 50; index += 1)
      await client.getKey(`again-${index}`, 'RS256').catch(() => undefined);
    expect(issuer.jwksRequests).toBe(2);
  });

  it('picks up a rotated key on an unknown kid once the cooldown has passed', async () => {
    const client = new JwksClient({
      issuer: issuer.issuer,
      jwksUri: issuer.jwksUri,
      now,
      cooldownMs: 30_000,
    });
    await client.getKey(rsKid(), 'RS256');
    await issuer.rotateKeys();
    clock += 1_000;
    await expect(client.getKey(rsKid(), 'RS256')).rejects.toMatchObject({ code: 'key_unknown' });
    clock += 30_000;
    await expect(client.getKey(rsKid(), 'RS256')).resolves.toBeDefined();
    expect(issuer.jwksRequests).toBe(2);
  });

  it('accepts a newly published key when the cache goes stale on that very token (no false key_unknown)', async () => {
    const client = new JwksClient({
      issuer: issuer.issuer,
      jwksUri: issuer.jwksUri,
      now,
      maxAgeMs: 5_000,
      cooldownMs: 1_000,
    });
    await client.getKey(rsKid(), 'RS256');
    await issuer.rotateKeys();
    clock += 6_000; // stale: this lookup starts the background refresh that carries the new key
    await expect(client.getKey(rsKid(), 'RS256')).resolves.toBeDefined();
    expect(issuer.jwksRequests).toBe(2);
  });

  it('serves the last good keys while the JWKS endpoint is down', async () => {
    const client = new JwksClient({
      issuer: issuer.issuer,
      jwksUri: issuer.jwksUri,
      now,
      maxAgeMs: 1_000,
    });
    const key = await client.getKey(rsKid(), 'RS256');
    issuer.setAvailable(false);
    clock += 5_000;
    expect(await client.getKey(rsKid(), 'RS256')).toBe(key);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.status().lastError).toMatch(/503/);
    expect(await client.getKey(rsKid(), 'RS256')).toBe(key);
    expect(await client.ready()).toBe(false);
  });

  it('reports unavailable keys when it never fetched any, and backs off before retrying', async () => {
    issuer.setAvailable(false);
    const client = new JwksClient({
      issuer: issuer.issuer,
      jwksUri: issuer.jwksUri,
      now,
      retryAfterFailureMs: 5_000,
    });
    await expect(client.getKey(rsKid(), 'RS256')).rejects.toBeInstanceOf(JwksUnavailableError);
    await expect(client.getKey(rsKid(), 'RS256')).rejects.toBeInstanceOf(JwksUnavailableError);
    expect(issuer.jwksRequests).toBe(1);
    issuer.setAvailable(true);
    clock += 5_000;
    await expect(client.getKey(rsKid(), 'RS256')).resolves.toBeDefined();
    expect(await client.ready()).toBe(true);
  });

  it('uses the single key that fits the alg when the token has no kid, and refuses otherwise', async () => {
    const client = new JwksClient({ issuer: issuer.issuer, jwksUri: issuer.jwksUri, now });
    await expect(client.getKey(undefined, 'ES256')).resolves.toBeDefined();
    await expect(client.getKey(undefined, 'ES384')).rejects.toMatchObject({
      code: 'key_id_missing',
    });
  });

  it('never uses symmetric or encryption keys from the JWKS', async () => {
    const jwks = {
      keys: [
        { kty: 'oct', k: 'c2VjcmV0', kid: 'hmac', alg: 'HS256' },
        { ...issuer.jwks.keys[0], kid: 'enc', use: 'enc' },
        'not a key',
      ],
    };
    const fetchStub = (async () =>
      new Response(JSON.stringify(jwks), { status: 200 })) as typeof fetch;
    const client = new JwksClient({
      issuer: issuer.issuer,
      jwksUri: 'http://jwks.test/keys',
      fetch: fetchStub,
      now,
    });
    await expect(client.getKey('hmac', 'RS256')).rejects.toMatchObject({ code: 'key_unknown' });
    await expect(client.getKey('enc', 'RS256')).rejects.toMatchObject({ code: 'key_unknown' });
    expect(client.status().keyCount).toBe(0);
  });

  it('treats a JWKS without a keys array as a failed fetch', async () => {
    const fetchStub = (async () => new Response('{"nope":1}', { status: 200 })) as typeof fetch;
    const client = new JwksClient({
      issuer: issuer.issuer,
      jwksUri: 'http://jwks.test/keys',
      fetch: fetchStub,
      now,
    });
    await expect(client.getKey('k', 'RS256')).rejects.toBeInstanceOf(JwksUnavailableError);
    expect(client.status().lastError).toMatch(/no keys array/);
  });
});
