/**
 * The servers the benchmark loads, each started in its own child process so that autocannon
 * (in the parent) does not share an event loop with them:
 * - `api-fastify` / `api-express`: the real API (full stack: throttler, logging at warn, CORS,
 *   headers, passport-jwt strategy, JWKS client) on a temporary SQLite database;
 * - `bare`: a node:http server verifying the same token with jose (cached remote JWKS, same
 *   checks: alg allowlist, typ, iss, aud, exp, required claims) — the floor of what Node can do.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { migrateDatabase } from '@oauth-ref/db';
import { parseApiConfig } from '../config/api-config.js';
import { createApiApp, type HttpAdapterName } from '../create-api-app.js';

export type BenchServerKind = 'api-fastify' | 'api-express' | 'bare';

async function startApi(
  adapter: HttpAdapterName,
  issuer: string,
  audience: string,
): Promise<number> {
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), 'oauth-ref-bench-')), 'bench.db')}`;
  await migrateDatabase(databaseUrl);
  const config = parseApiConfig({
    OAUTH_ISSUER: issuer,
    OAUTH_AUDIENCE: audience,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '10000000',
  });
  const app = await createApiApp(config, { adapter });
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as AddressInfo).port;
}

async function startBare(issuer: string, audience: string): Promise<number> {
  const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
  const server = createServer((request, response) => {
    const match = /^Bearer ([^ ]+)$/i.exec(request.headers.authorization ?? '');
    if (request.url !== '/me' || match?.[1] === undefined) {
      response.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      return;
    }
    jwtVerify(match[1], jwks, {
      issuer,
      audience,
      algorithms: ['RS256', 'PS256', 'ES256'],
      typ: 'at+jwt',
      clockTolerance: 30,
      requiredClaims: ['sub', 'client_id', 'iat', 'exp', 'jti'],
    }).then(
      ({ payload }) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            sub: payload.sub,
            client_id: payload['client_id'],
            scope: payload['scope'],
          }),
        );
      },
      () => response.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Child-process entry: start one server and report its port to the parent. */
export async function runBenchServer(
  kind: BenchServerKind,
  issuer: string,
  audience: string,
): Promise<void> {
  const port =
    kind === 'bare'
      ? await startBare(issuer, audience)
      : await startApi(kind === 'api-express' ? 'express' : 'fastify', issuer, audience);
  process.send?.({ port });
}
