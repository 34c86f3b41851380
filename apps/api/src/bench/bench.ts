/**
 * `npm run bench -w @oauth-ref/api` (root: `npm run bench:api`): GET /me with a valid token, in
 * both schemes — `Bearer`, and `DPoP` with a fresh proof per request (so every request pays the
 * whole RFC 9449 check, replay cache included) — on the Fastify and the Express adapter, and on a
 * bare node:http + jose server doing the same checks; plus GET /health. For each run: req/s,
 * p50/p99, and requests per CPU-second of the SERVER process (its own `process.cpuUsage()`, so
 * load from other processes on a shared machine does not count). The API/bare ratios (both
 * metrics) are medians of per-round ratios, each round pairing an API run with a bare run taken
 * right before it. Targets: 0.75 of bare for both schemes (Bearer aims at 0.90, issue 16).
 * Starts its own local test issuer: no running provider needed.
 *
 * Environment (bench only): BENCH_DURATION seconds per run (default 5), BENCH_CONNECTIONS (default
 * 20), BENCH_ROUNDS (default 5), BENCH_REDIS_URL (run the API's shared stores on Redis).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { startTestIssuer } from '@oauth-ref/nest-bearer-auth/testing';
import { runBenchServer, type BenchServerKind } from './bench-servers.js';

const AUDIENCE = 'http://localhost:3333';
const TARGET = 0.75;
const BEARER_GOAL = 0.9;

type Scheme = 'Bearer' | 'DPoP';

interface RunResult {
  readonly name: string;
  readonly requestsPerSecond: number;
  /** Successful requests per CPU-second of the server process. */
  readonly perCpuSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

interface Server {
  readonly child: ChildProcess;
  readonly base: string;
}

function startChild(kind: BenchServerKind, issuer: string): Promise<Server> {
  const redis = process.env['BENCH_REDIS_URL'] ?? '';
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind, issuer, AUDIENCE, redis], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port: number }) =>
      resolve({ child, base: `http://127.0.0.1:${message.port}` }),
    );
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
}

/** The server's CPU time so far, in microseconds. */
function cpuOf(server: Server): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: { cpu?: number }) => {
      if (message.cpu === undefined) return;
      server.child.off('message', onMessage);
      resolve(message.cpu);
    };
    server.child.on('message', onMessage);
    server.child.send('cpu');
  });
}

/** A DPoP key and a synchronous proof factory (autocannon's setupRequest is synchronous). */
interface ProofMaker {
  readonly thumbprint: string;
  proof(token: string): string;
}

async function createProofMaker(htu: string): Promise<ProofMaker> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' }) as JWK;
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = b64({ typ: 'dpop+jwt', alg: 'ES256', jwk });
  const key: KeyObject = privateKey;
  return {
    thumbprint: await calculateJwkThumbprint(jwk, 'sha256'),
    proof(token) {
      const ath = createHash('sha256').update(token).digest('base64url');
      const payload = b64({
        htm: 'GET',
        htu,
        iat: Math.floor(Date.now() / 1000),
        jti: randomUUID(),
        ath,
      });
      const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
        key,
        dsaEncoding: 'ieee-p1363',
      }).toString('base64url');
      return `${header}.${payload}.${signature}`;
    },
  };
}

type HeadersFor = () => Record<string, string>;

async function autocannonRun(
  url: string,
  headers: HeadersFor,
  duration: number,
  connections: number,
) {
  return autocannon({
    url,
    connections,
    duration,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, headers: headers() }) }],
  });
}

async function load(
  name: string,
  server: Server,
  path: string,
  headers: HeadersFor,
  duration: number,
  connections: number,
): Promise<RunResult> {
  const url = `${server.base}${path}`;
  // warm-up (JIT, JWKS fetch, key import), then the measured run
  await autocannonRun(url, headers, 2, connections);
  const cpuBefore = await cpuOf(server);
  const result = await autocannonRun(url, headers, duration, connections);
  const cpuSeconds = Math.max(1e-6, ((await cpuOf(server)) - cpuBefore) / 1e6);
  const succeeded = result.requests.total - result.non2xx;
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    perCpuSecond: Math.round(succeeded / cpuSeconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function best(results: readonly RunResult[], name: string): RunResult {
  const runs = results.filter((result) => result.name === name);
  return {
    name,
    requestsPerSecond: Math.round(median(runs.map((run) => run.requestsPerSecond))),
    perCpuSecond: Math.round(median(runs.map((run) => run.perCpuSecond))),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

async function main(): Promise<void> {
  const duration = Number(process.env['BENCH_DURATION'] ?? 5);
  const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 20);
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
  const issuer = await startTestIssuer({ audience: AUDIENCE });
  const maker = await createProofMaker(`${AUDIENCE}/me`);
  const bearerToken = await issuer.issueAccessToken({ expiresIn: 3600 });
  const boundToken = await issuer.issueAccessToken({
    expiresIn: 3600,
    claims: { cnf: { jkt: maker.thumbprint } },
  });
  const headersFor: Record<Scheme, HeadersFor> = {
    Bearer: () => ({ authorization: `Bearer ${bearerToken}` }),
    DPoP: () => ({ authorization: `DPoP ${boundToken}`, dpop: maker.proof(boundToken) }),
  };
  const adapters = ['api-fastify', 'api-express'] as const;
  const schemes: readonly Scheme[] = ['Bearer', 'DPoP'];
  const results: RunResult[] = [];
  const ratioRuns: Record<string, { rps: number[]; cpu: number[] }> = {};
  const servers = new Map<BenchServerKind, Server>();
  try {
    for (const kind of ['bare', ...adapters] as const)
      servers.set(kind, await startChild(kind, issuer.issuer));
    const server = (kind: BenchServerKind) => servers.get(kind) as Server;
    for (let round = 1; round <= rounds; round += 1) {
      for (const scheme of schemes) {
        for (const adapter of adapters) {
          const bare = await load(
            `bare ${scheme} /me`,
            server('bare'),
            '/me',
            headersFor[scheme],
            duration,
            connections,
          );
          const api = await load(
            `${adapter} ${scheme} /me`,
            server(adapter),
            '/me',
            headersFor[scheme],
            duration,
            connections,
          );
          results.push(bare, api);
          const key = `${adapter} ${scheme}`;
          ratioRuns[key] ??= { rps: [], cpu: [] };
          ratioRuns[key].rps.push(api.requestsPerSecond / Math.max(1, bare.requestsPerSecond));
          ratioRuns[key].cpu.push(api.perCpuSecond / Math.max(1, bare.perCpuSecond));
        }
      }
      for (const adapter of adapters)
        results.push(
          await load(
            `${adapter} /health`,
            server(adapter),
            '/health',
            () => ({}),
            duration,
            connections,
          ),
        );
    }
  } finally {
    for (const { child } of servers.values()) child.kill('SIGTERM');
    await issuer.close();
  }

  console.log(
    `\nBenchmark: ${rounds} interleaved rounds x ${duration}s per run, ${connections} connections, RS256 token, ES256 DPoP proofs, Node ${process.version} (medians)\n`,
  );
  console.log(
    'run'.padEnd(28),
    'req/s'.padStart(8),
    'req/CPU-s'.padStart(10),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'non-2xx'.padStart(8),
  );
  const names = [
    ...schemes.flatMap((scheme) => [
      `bare ${scheme} /me`,
      ...adapters.map((adapter) => `${adapter} ${scheme} /me`),
    ]),
    ...adapters.map((adapter) => `${adapter} /health`),
  ];
  const summary = names.map((name) => best(results, name));
  for (const result of summary) {
    console.log(
      result.name.padEnd(28),
      String(result.requestsPerSecond).padStart(8),
      String(result.perCpuSecond).padStart(10),
      String(result.p50).padStart(8),
      String(result.p99).padStart(8),
      String(result.non2xx + result.errors).padStart(8),
    );
  }
  console.log('');
  const ratios: Record<string, { rps: number; cpu: number }> = {};
  for (const [key, runs] of Object.entries(ratioRuns)) {
    const rps = Math.round(median(runs.rps) * 100) / 100;
    const cpu = Math.round(median(runs.cpu) * 100) / 100;
    ratios[key] = { rps, cpu };
    const goal = key.endsWith('Bearer')
      ? ` (issue 16 goal ${BEARER_GOAL}: ${cpu >= BEARER_GOAL ? 'met' : 'not yet'})`
      : '';
    console.log(
      `${key.padEnd(20)} : bare = ${rps} req/s, ${cpu} per CPU-s (target >= ${TARGET}) ${Math.min(rps, cpu) >= TARGET ? 'OK' : 'BELOW TARGET'}${goal}`,
    );
  }
  console.log(`\n${JSON.stringify({ summary, ratios, ratioRuns })}`);
}

if (process.argv[2] === '--serve') {
  await runBenchServer(
    process.argv[3] as BenchServerKind,
    process.argv[4] ?? '',
    process.argv[5] ?? AUDIENCE,
    process.argv[6] === '' ? undefined : process.argv[6],
  );
} else {
  await main();
}
