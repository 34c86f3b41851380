/**
 * `npm run bench -w @oauth-ref/api` (root: `npm run bench:api`): requests/s and p50/p99 latency of
 * GET /me with a valid token and GET /health, on the Fastify and the Express adapter, and of a
 * bare node:http + jose server verifying the same token. Prints the API/bare ratio for /me
 * (target ≥ 0.75). Starts its own local test issuer: no running provider needed.
 *
 * Environment (bench only): BENCH_DURATION seconds per run (default 5), BENCH_CONNECTIONS (default 20),
 * BENCH_ROUNDS (default 5: the machine is shared, so the ratio is a median of per-round ratios).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startTestIssuer } from '@oauth-ref/nest-bearer-auth/testing';
import { runBenchServer, type BenchServerKind } from './bench-servers.js';

const AUDIENCE = 'http://localhost:3333';

interface RunResult {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

function startChild(
  kind: BenchServerKind,
  issuer: string,
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind, issuer, AUDIENCE], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve({ child, port: message.port }));
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
}

async function load(
  name: string,
  url: string,
  headers: Record<string, string>,
  duration: number,
  connections: number,
): Promise<RunResult> {
  // warm-up (JIT, JWKS fetch, key import), then the measured run
  await autocannon({ url, headers, connections, duration: 2 });
  const result = await autocannon({ url, headers, connections, duration });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
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
  const requestsPerSecond = median(runs.map((run) => run.requestsPerSecond));
  return {
    name,
    requestsPerSecond: Math.round(requestsPerSecond),
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
  const token = await issuer.issueAccessToken({ expiresIn: 3600 });
  const auth = { authorization: `Bearer ${token}` };
  const results: RunResult[] = [];
  const ratioRuns: Record<string, number[]> = { 'api-fastify': [], 'api-express': [] };
  const servers = new Map<BenchServerKind, { child: ChildProcess; base: string }>();
  try {
    for (const kind of ['bare', 'api-fastify', 'api-express'] as const) {
      const { child, port } = await startChild(kind, issuer.issuer);
      servers.set(kind, { child, base: `http://127.0.0.1:${port}` });
    }
    const base = (kind: BenchServerKind) => servers.get(kind)?.base ?? '';
    // interleaved rounds: the machine is shared, so each API run is paired with a bare run
    // taken right before it, and the ratio is the median of the per-round ratios
    for (let round = 1; round <= rounds; round += 1) {
      for (const adapter of ['api-fastify', 'api-express'] as const) {
        const bare = await load('bare GET /me', `${base('bare')}/me`, auth, duration, connections);
        const api = await load(
          `${adapter} GET /me`,
          `${base(adapter)}/me`,
          auth,
          duration,
          connections,
        );
        results.push(bare, api);
        ratioRuns[adapter]?.push(api.requestsPerSecond / Math.max(1, bare.requestsPerSecond));
      }
      for (const adapter of ['api-fastify', 'api-express'] as const) {
        results.push(
          await load(
            `${adapter} GET /health`,
            `${base(adapter)}/health`,
            {},
            duration,
            connections,
          ),
        );
      }
    }
  } finally {
    for (const { child } of servers.values()) child.kill('SIGTERM');
    await issuer.close();
  }

  console.log(
    `\nBenchmark: ${rounds} interleaved rounds x ${duration}s per run, ${connections} connections, RS256 token, Node ${process.version} (medians)\n`,
  );
  console.log(
    'run'.padEnd(26),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'non-2xx'.padStart(8),
  );
  const names = [
    'bare GET /me',
    'api-fastify GET /me',
    'api-fastify GET /health',
    'api-express GET /me',
    'api-express GET /health',
  ];
  const summary = names.map((name) => best(results, name));
  for (const result of summary) {
    console.log(
      result.name.padEnd(26),
      String(result.requestsPerSecond).padStart(8),
      String(result.p50).padStart(8),
      String(result.p99).padStart(8),
      String(result.non2xx + result.errors).padStart(8),
    );
  }
  console.log('');
  const ratios: Record<string, number> = {};
  for (const adapter of ['api-fastify', 'api-express']) {
    const ratio = Math.round(median(ratioRuns[adapter] ?? []) * 100) / 100;
    ratios[adapter] = ratio;
    console.log(
      `${adapter} /me : bare /me = ${ratio} (target >= 0.75) ${ratio >= 0.75 ? 'OK' : 'BELOW TARGET'}`,
    );
  }
  const chosen =
    (ratios['api-fastify'] ?? 0) >= (ratios['api-express'] ?? 0) ? 'fastify' : 'express';
  console.log(`faster adapter in this run: ${chosen} (the API uses fastify)`);
  console.log(`\n${JSON.stringify({ summary, ratios, ratioRuns })}`);
}

if (process.argv[2] === '--serve') {
  await runBenchServer(
    process.argv[3] as BenchServerKind,
    process.argv[4] ?? '',
    process.argv[5] ?? AUDIENCE,
  );
} else {
  await main();
}
