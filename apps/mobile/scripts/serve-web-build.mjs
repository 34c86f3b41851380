#!/usr/bin/env node
// Serves the production web export (dist/) — not the Expo dev server — on http://localhost:8081.
// Any path without a file extension (/, /callback) gets index.html: the app reads the callback
// from the URL itself. Usage: node scripts/serve-web-build.mjs [--port 8081] [--dir dist]
// (the port may also come from PORT, as the stack runner passes it). The provider registers
// http://localhost:8081/callback, so another port needs another registered redirect URI.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT || '8081' },
    dir: { type: 'string', default: 'dist' },
  },
});
const appRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const root = resolve(appRoot, values.dir);
const port = Number(values.port);

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

const securityHeaders = {
  // The callback URL carries the authorization code: never leak it in a Referer header.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  // Only this origin's own script runs (no inline script, no eval); fetches may go to the issuer
  // and the API, whose origins are baked into the bundle at build time (hence any http/https).
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    'connect-src http: https:',
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; '),
};

async function fileFor(pathname) {
  const decoded = decodeURIComponent(pathname);
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  try {
    const info = await stat(candidate);
    if (info.isFile()) return candidate;
  } catch {
    // fall through
  }
  return extname(decoded) === '' ? join(root, 'index.html') : undefined;
}

const server = createServer(async (request, response) => {
  try {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', ...securityHeaders }).end();
      return;
    }
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = await fileFor(pathname);
    if (!file) {
      response
        .writeHead(404, { 'content-type': 'text/plain', ...securityHeaders })
        .end('Not found');
      return;
    }
    const html = file.endsWith('.html');
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': html ? 'no-store' : 'public, max-age=31536000, immutable',
      ...securityHeaders,
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    // The file can vanish between stat and read (a rebuild in progress): end this response only.
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  } catch (error) {
    console.error(error);
    response.writeHead(500, securityHeaders).end();
  }
});

server.listen(port, () => {
  console.warn(`mobile web build (${root}) on http://localhost:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => server.close(() => process.exit(0)));
