// The HTTP server of the production web export (dist/): files, an index.html fallback for
// extension-less paths (/, /callback: the app reads the callback from the URL), and the security
// headers. Its CSP names exactly the issuer and API origins the bundle was built for
// (dist/connect-origins.json, written by write-connect-origins.mjs after `expo export`).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

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

/** Thrown for a path that is not valid percent-encoding (RFC 3986 §2.1): answered 400. */
export class MalformedPathError extends Error {
  code = 'malformed_path';
}

/**
 * The origins the bundle talks to, as written at build time. Refuses anything but http(s) origins.
 * @param {string} root the dist folder
 * @returns {Promise<string[]>}
 */
export async function readConnectOrigins(root) {
  const file = join(root, 'connect-origins.json');
  let parsed;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${file} is missing or not JSON: run the mobile build first (${error.message})`,
    );
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new Error(`${file}: expected [origin, …]`);
  return parsed.map((value) => {
    const url = new URL(String(value));
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value) {
      throw new Error(`${file}: ${value} is not an http(s) origin`);
    }
    return url.origin;
  });
}

/**
 * The security headers of every answer.
 * @param {readonly string[]} connectOrigins exact origins fetch() may reach (issuer, API)
 */
export function securityHeaders(connectOrigins) {
  return {
    // The callback URL carries the authorization code: never leak it in a Referer header.
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    // Only this origin's own script runs (no inline script, no eval); fetches go only to the
    // issuer and the API this bundle was built for.
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      `connect-src ${[...new Set(connectOrigins)].join(' ')}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "object-src 'none'",
    ].join('; '),
  };
}

function decodePath(pathname) {
  try {
    return decodeURIComponent(pathname);
  } catch {
    throw new MalformedPathError('malformed percent-encoding in the path');
  }
}

async function fileFor(root, pathname) {
  const decoded = decodePath(pathname);
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

/**
 * @param {{ root: string, connectOrigins: readonly string[], log?: (line: string) => void }} options
 * @returns {import('node:http').Server}
 */
export function createWebBuildServer({ root, connectOrigins, log = console.error }) {
  const headers = securityHeaders(connectOrigins);
  const text = (response, status, body) =>
    response
      .writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers })
      .end(body);
  return createServer(async (request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD', ...headers }).end();
        return;
      }
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      const file = await fileFor(root, pathname);
      if (!file) {
        text(response, 404, 'Not found');
        return;
      }
      const html = file.endsWith('.html');
      response.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': html ? 'no-store' : 'public, max-age=31536000, immutable',
        ...headers,
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
      if (error instanceof MalformedPathError) {
        text(response, 400, 'Bad request: malformed percent-encoding in the path');
        return;
      }
      // one line, no stack and no request line (paths can carry codes)
      log(`mobile web build: request failed (${error?.name ?? 'Error'})`);
      text(response, 500, 'Internal error');
    }
  });
}
