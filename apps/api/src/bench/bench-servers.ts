/**
 * The servers the benchmark loads, each started in its own child process so that autocannon
 * (in the parent) does not share an event loop with them, and each reporting its own CPU time:
 * - `api-fastify` / `api-express`: the real API (full stack: rate limits on the shared store,
 *   logging at warn, CORS, headers, the passport adapter running the verification pipeline,
 *   JWKS client, DPoP replay cache) on a temporary SQLite database (or Redis with
 *   BENCH_REDIS_URL);
 * - `bare`: a node:http server doing the same checks with jose alone — Bearer: alg allowlist,
 *   typ, iss, aud, exp, required claims; DPoP: the same plus the proof (typ, alg, public jwk,
 *   signature, htm, htu, iat window, ath, cnf.jkt thumbprint, jti once) — the floor of what Node
 *   can do. Its jti cache is an in-process Map (one process; the API's is shared by instances).
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  createRemoteJWKSet,
  EmbeddedJWK,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import { migrateDatabase } from '@oauth-ref/db';
import { parseApiConfig } from '../config/api-config.js';
import { createApiApp, type HttpAdapterName } from '../create-api-app.js';

export type BenchServerKind = 'api-fastify' | 'api-express' | 'bare';

async function startApi(
  adapter: HttpAdapterName,
  issuer: string,
  audience: string,
  redisUrl: string | undefined,
): Promise<number> {
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), 'oauth-ref-bench-')), 'bench.db')}`;
  await migrateDatabase(databaseUrl);
  const config = parseApiConfig({
    OAUTH_ISSUER: issuer,
    OAUTH_AUDIENCE: audience,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '10000000',
    RATE_LIMIT_SUBJECT_MAX: '10000000',
    RATE_LIMIT_CLIENT_MAX: '10000000',
    RATE_LIMIT_WEB_CLIENT_MAX: '10000000',
    ...(redisUrl !== undefined ? { REDIS_URL: redisUrl } : {}),
  });
  const app = await createApiApp(config, { adapter });
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as AddressInfo).port;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

async function checkProof(
  proof: string,
  token: string,
  claims: JWTPayload,
  method: string,
  htu: string,
  seen: Map<string, number>,
): Promise<void> {
  const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, {
    typ: 'dpop+jwt',
    algorithms: ['ES256', 'EdDSA', 'PS256', 'RS256'],
  });
  const jwk = protectedHeader.jwk ?? {};
  if (PRIVATE_MEMBERS.some((member) => member in jwk)) throw new Error('private jwk');
  const now = Math.floor(Date.now() / 1000);
  const iat = payload.iat ?? 0;
  if (payload['htm'] !== method || payload['htu'] !== htu) throw new Error('htm/htu');
  if (now - iat > 60 || iat - now > 30 || typeof payload.jti !== 'string') throw new Error('iat');
  if (payload['ath'] !== createHash('sha256').update(token).digest('base64url'))
    throw new Error('ath');
  const cnf = claims['cnf'] as { jkt?: string } | undefined;
  if (cnf?.jkt !== (await calculateJwkThumbprint(jwk, 'sha256'))) throw new Error('jkt');
  const key = `${cnf.jkt}:${payload.jti}`;
  if (seen.has(key)) throw new Error('replay');
  seen.set(key, iat + 90);
}

async function startBare(issuer: string, audience: string): Promise<number> {
  const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
  const seen = new Map<string, number>();
  setInterval(() => {
    const now = Math.floor(Date.now() / 1000);
    for (const [key, until] of seen) if (until < now) seen.delete(key);
  }, 10_000).unref();
  const server = createServer((request, response) => {
    const match = /^(Bearer|DPoP) ([^ ]+)$/i.exec(request.headers.authorization ?? '');
    const token = match?.[2];
    if (request.url !== '/me' || token === undefined) {
      response.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      return;
    }
    const dpop = match?.[1]?.toLowerCase() === 'dpop';
    const proof = request.headers['dpop'];
    jwtVerify(token, jwks, {
      issuer,
      audience,
      algorithms: ['RS256', 'PS256', 'ES256'],
      typ: 'at+jwt',
      clockTolerance: 30,
      requiredClaims: ['sub', 'client_id', 'iat', 'exp', 'jti'],
    })
      .then(async ({ payload }) => {
        if (dpop) {
          if (typeof proof !== 'string') throw new Error('no proof');
          await checkProof(proof, token, payload, request.method ?? '', `${audience}/me`, seen);
        } else if (payload['cnf'] !== undefined) throw new Error('bound token as Bearer');
        return payload;
      })
      .then(
        (payload) => {
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

/**
 * Child-process entry: start one server, report its port to the parent, and answer `cpu`
 * messages with this process's CPU time in microseconds (user + system).
 */
export async function runBenchServer(
  kind: BenchServerKind,
  issuer: string,
  audience: string,
  redisUrl: string | undefined,
): Promise<void> {
  const port =
    kind === 'bare'
      ? await startBare(issuer, audience)
      : await startApi(kind === 'api-express' ? 'express' : 'fastify', issuer, audience, redisUrl);
  process.on('message', (message) => {
    if (message !== 'cpu') return;
    const { user, system } = process.cpuUsage();
    process.send?.({ cpu: user + system });
  });
  process.send?.({ port });
}
