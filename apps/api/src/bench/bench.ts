/**
 * `npm run bench:api` (nx run api:bench): GET /me, the API against a bare node:http + jose
 * server doing the same checks (`bare-server.ts`), with `Bearer` and with `DPoP` (a fresh proof
 * per request, so every request pays the whole RFC 9449 check, replay store included). Each
 * server runs in its own process and the load generator in a third; rounds alternate which
 * server goes first; the figures are the medians of paired (same round) API/bare ratios with
 * their range, in requests per second and in requests per CPU-second of the server process.
 * Issue 16's goal: both ratios ≥ 0.90 with Bearer. Starts its own test issuer.
 *
 * Environment (bench only): BENCH_DURATION seconds per measured run (5), BENCH_WARMUP before each (2),
 * BENCH_INITIAL_WARMUP per server and scheme before the first round (5),
 * BENCH_CONNECTIONS (20), BENCH_ROUNDS (6), BENCH_ADAPTERS (`fastify`; `fastify,express`),
 * BENCH_SCHEMES (`Bearer,DPoP`), BENCH_REDIS_URL (both servers' replay stores, and the API's
 * rate limits, on Redis instead of SQLite), BENCH_PROFILE=<dir> (`--cpu-prof` of each server).
 */
import { fileURLToPath } from 'node:url';
import { runBenchServer, type BenchServerKind } from './bench-servers.js';
import { serveLoadJobs } from './load-generator.js';
import { GOAL, runBench, type BenchReport, type Scheme } from './run-bench.js';

function list(value: string | undefined, fallback: string): string[] {
  return (value ?? fallback)
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function print(report: BenchReport, header: string): void {
  console.log(`\n${header}\n`);
  console.log(
    'server / scheme'.padEnd(22),
    'req/s'.padStart(8),
    'req/CPU-s'.padStart(10),
    'p50 ms'.padStart(7),
    'p99 ms'.padStart(7),
    'failed'.padStart(7),
  );
  for (const row of report.contenders)
    console.log(
      row.name.padEnd(22),
      String(row.requestsPerSecond).padStart(8),
      String(row.perCpuSecond).padStart(10),
      String(row.p50).padStart(7),
      String(row.p99).padStart(7),
      String(row.failed).padStart(7),
    );
  console.log('\nAPI / bare, median of paired rounds [min–max]:');
  for (const pair of report.pairs) {
    const met = Math.min(pair.throughput.median, pair.perCpuSecond.median) >= GOAL;
    console.log(
      `${pair.name.padEnd(20)} per CPU-s ${pair.perCpuSecond.median} [${pair.perCpuSecond.min}–${pair.perCpuSecond.max}]  req/s ${pair.throughput.median} [${pair.throughput.min}–${pair.throughput.max}]  goal ${GOAL}: ${met ? 'met' : 'not met'}`,
    );
  }
  console.log(`\n${JSON.stringify(report)}`);
}

async function main(): Promise<void> {
  const settings = {
    entry: fileURLToPath(import.meta.url),
    duration: Number(process.env['BENCH_DURATION'] ?? 5),
    warmup: Number(process.env['BENCH_WARMUP'] ?? 2),
    initialWarmup: Number(process.env['BENCH_INITIAL_WARMUP'] ?? 5),
    connections: Number(process.env['BENCH_CONNECTIONS'] ?? 20),
    rounds: Number(process.env['BENCH_ROUNDS'] ?? 6),
    adapters: list(process.env['BENCH_ADAPTERS'], 'fastify').map(
      (adapter) => `api-${adapter}` as 'api-fastify' | 'api-express',
    ),
    schemes: list(process.env['BENCH_SCHEMES'], 'Bearer,DPoP') as Scheme[],
    redisUrl: process.env['BENCH_REDIS_URL'] || undefined,
    profileDir: process.env['BENCH_PROFILE'] || undefined,
  };
  const report = await runBench(settings);
  print(
    report,
    `GET /me: ${settings.rounds} paired rounds (order alternating) x ${settings.duration}s after ${settings.warmup}s warm-up, ${settings.connections} connections, RS256 token, ES256 DPoP proofs, replay store ${settings.redisUrl === undefined ? 'SQLite' : 'Redis'}, Node ${process.version}`,
  );
}

if (process.argv[2] === '--serve') {
  await runBenchServer(
    process.argv[3] as BenchServerKind,
    process.argv[4] ?? '',
    process.argv[5] ?? '',
    process.argv[6] === '' ? undefined : process.argv[6],
  );
} else if (process.argv[2] === '--load') {
  serveLoadJobs();
} else {
  await main();
}
