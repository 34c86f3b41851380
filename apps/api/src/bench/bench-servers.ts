/**
 * The servers the benchmark loads, each in its own child process (the parent only orchestrates
 * and reads their CPU time from /proc; autocannon runs in a third process):
 * - `api-fastify` / `api-express`: the real API, full stack — security headers, CORS, rate limits
 *   on the shared store, the passport adapter running the verification pipeline, the JWKS client,
 *   the DPoP replay store (a migrated SQLite file, or Redis with BENCH_REDIS_URL), logging at
 *   `warn` (a request log line per 2xx would measure stdout, not the API);
 * - `bare`: `bare-server.ts`, the same checks with node:http and jose alone, on the same kind of
 *   shared replay store.
 * With BENCH_PROFILE=<dir>, every server runs with `--cpu-prof` into that directory (`<kind>.cpuprofile`).
 */
import type { AddressInfo } from 'node:net';
import { parseApiConfig } from '../config/api-config.js';
import { createApiApp, type HttpAdapterName } from '../create-api-app.js';
import { createBenchDatabase } from './bare-replay-store.js';
import { startBareServer } from './bare-server.js';

export type BenchServerKind = 'api-fastify' | 'api-express' | 'bare';

async function startApi(
  adapter: HttpAdapterName,
  issuer: string,
  audience: string,
  redisUrl: string | undefined,
): Promise<number> {
  const config = parseApiConfig({
    OAUTH_ISSUER: issuer,
    OAUTH_AUDIENCE: audience,
    DATABASE_URL: await createBenchDatabase(),
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

/**
 * Child-process entry: start one server and report its port to the parent; exit on `exit`
 * (a normal exit, so that `--cpu-prof` writes its profile).
 */
export async function runBenchServer(
  kind: BenchServerKind,
  issuer: string,
  audience: string,
  redisUrl: string | undefined,
): Promise<void> {
  const port =
    kind === 'bare'
      ? await startBareServer(issuer, audience, redisUrl)
      : await startApi(kind === 'api-express' ? 'express' : 'fastify', issuer, audience, redisUrl);
  process.on('message', (message) => {
    if (message === 'exit') process.exit(0);
  });
  process.send?.({ port });
}
