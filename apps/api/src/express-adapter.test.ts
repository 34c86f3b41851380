/**
 * The app also runs on Express (the benchmark compares both adapters); the same contract holds:
 * bearer errors, bad input as JSON, body limit, security headers, CORS.
 */
import { createTestDatabase, type TestDatabase } from '@oauth-ref/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testing/start-test-api.js';

let database: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  api = await startTestApi({ database, adapter: 'express' });
});
afterAll(async () => {
  await api?.close();
  await database?.dispose();
});

it('accepts a valid token and refuses a missing one with the RFC 6750 challenge', async () => {
  expect((await api.fetch('/me', { token: await api.issuer.issueAccessToken() })).status).toBe(200);
  const refused = await api.fetch('/me');
  expect(refused.status).toBe(401);
  expect(refused.headers.get('www-authenticate')).toContain('resource_metadata=');
  expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
  expect(refused.headers.get('x-powered-by')).toBeNull();
});

it('answers malformed JSON 400 and an oversized body 413, as JSON', async () => {
  const token = await api.issuer.issueAccessToken();
  const headers = { 'content-type': 'application/json' };
  const malformed = await api.fetch('/notes', {
    method: 'POST',
    token,
    headers,
    body: '{"title":',
  });
  expect(malformed.status).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: 'invalid_request' });
  const huge = await api.fetch('/notes', {
    method: 'POST',
    token,
    headers,
    body: JSON.stringify({ title: 'x', body: 'y'.repeat(20_000) }),
  });
  expect(huge.status).toBe(413);
  expect(await huge.json()).toMatchObject({ error: 'payload_too_large' });
  const created = await api.fetch('/notes', {
    method: 'POST',
    token,
    headers,
    body: JSON.stringify({ title: 'on express' }),
  });
  expect(created.status).toBe(201);
});

it('takes JSON only on writes: a form body is 415 with a clear JSON error, nothing is written', async () => {
  const token = await api.issuer.issueAccessToken({ claims: { sub: 'form-user' } });
  for (const contentType of ['application/x-www-form-urlencoded', 'text/plain']) {
    const response = await api.fetch('/notes', {
      method: 'POST',
      token,
      headers: { 'content-type': contentType },
      body: 'title=sneaky',
    });
    expect(response.status, contentType).toBe(415);
    expect(await response.json()).toMatchObject({
      error: 'unsupported_media_type',
      code: 'content_type_not_json',
    });
  }
  const list = (await (await api.fetch('/notes', { token })).json()) as { items: unknown[] };
  expect(list.items).toEqual([]);
});

it('applies the same CORS policy: preflights answered for allowed origins only', async () => {
  const preflight = (origin: string) =>
    api.fetch('/me', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET' },
    });
  const allowed = await preflight('http://localhost:3000');
  expect(allowed.status).toBe(204);
  expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  expect(allowed.headers.get('access-control-allow-headers')).toBe(
    'Authorization, Content-Type, DPoP',
  );
  const evil = await preflight('http://evil.example');
  expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  expect(evil.headers.get('vary')).toBe('Origin');
  const metadata = await api.fetch('/.well-known/oauth-protected-resource');
  expect(metadata.headers.get('cache-control')).toBe('public, max-age=300');
});
