/**
 * The app also runs on Express (the benchmark compares both adapters); the same contract holds:
 * bearer errors, bad input as JSON, body limit, security headers.
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
