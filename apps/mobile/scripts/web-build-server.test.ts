import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- plain .mjs script without type declarations
import { createWebBuildServer, readConnectOrigins } from './web-build-server.mjs';

let root: string;
let base: string;
let close: () => Promise<void>;
const log = vi.fn();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mobile-dist-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(
    join(root, 'connect-origins.json'),
    '["http://localhost:4000","http://localhost:3333"]',
  );
  const server = createWebBuildServer({
    root,
    connectOrigins: await readConnectOrigins(root),
    log,
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((done) => server.close(() => done()));
});
afterAll(async () => {
  await close();
  await rm(root, { recursive: true, force: true });
});

describe('mobile web build server', () => {
  it('answers a malformed percent-encoding with 400, no stack, nothing logged', async () => {
    const response = await fetch(`${base}/%E0%A4%A`);
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toBe('Bad request: malformed percent-encoding in the path');
    expect(body).not.toMatch(/URIError|at .*\.mjs/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(log).not.toHaveBeenCalled();
  });

  it('allows fetches only to the issuer and API origins known at build time', async () => {
    const response = await fetch(`${base}/callback`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    const connectSrc = csp.split('; ').find((d) => d.startsWith('connect-src '));
    expect(connectSrc).toBe('connect-src http://localhost:4000 http://localhost:3333');
    expect(csp).not.toMatch(/connect-src[^;]*\b(http|https):(?!\/)/);
  });

  it('still serves files and refuses other methods and unknown files', async () => {
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
    const traversal = await fetch(`${base}/..%2f..%2fetc%2fpasswd`);
    expect(await traversal.text()).not.toMatch(/root:/);
    expect(await (await fetch(`${base}/`)).text()).toContain('<title>app</title>');
  });

  it('refuses to start without a valid origins file from the build', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'mobile-dist-'));
    await expect(readConnectOrigins(empty)).rejects.toThrow(/run the mobile build first/);
    await writeFile(join(empty, 'connect-origins.json'), '["http://a.example/path"]');
    await expect(readConnectOrigins(empty)).rejects.toThrow(/not an http\(s\) origin/);
    await writeFile(join(empty, 'connect-origins.json'), '[]');
    await expect(readConnectOrigins(empty)).rejects.toThrow(/expected/);
    await rm(empty, { recursive: true, force: true });
  });
});
