/**
 * `npm run bench -w @oauth-ref/provider` (root: `npm run bench:provider`).
 *
 * Client-credentials grants/s and refresh grants/s (public client, rotating refresh tokens) with
 * p50/p99 latency, on SQLite and PostgreSQL, next to the same engine with its in-memory adapter
 * in the same run, so the persistence cost reads as a ratio. Real HTTP on loopback, one process.
 *
 * Env: BENCH_SECONDS (default 4 per measurement), BENCH_WARMUP_SECONDS (default 2, discarded), BENCH_CONCURRENCY (default 8 for client
 * credentials; refresh uses BENCH_CHAINS, default 4, rotation chains).
 */
import { createTestDatabase, postgresSkipReason } from '@oauth-ref/db/testing';
import type { DatabaseProvider } from '@oauth-ref/db';
import { demoClients, machineClient, mobileClient } from '@oauth-ref/demo-config';
import { startProviderApp } from '../app.js';
import { loadConfig } from '../config/config.js';
import { clientMetadataFromDemo } from '../engine/client-store.js';
import { createLogger } from '../logging/logger.js';
import { seedProvider } from '../seed/seed-provider.js';
import { freePort } from '../testing/free-port.js';
import { basicAuth, mobileTokens } from '../testing/oauth-flows.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 8);
const CHAINS = Number(process.env['BENCH_CHAINS'] ?? 4);
const WARMUP = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 2);

interface Result {
  readonly backend: string;
  readonly grant: string;
  readonly count: number;
  readonly errors: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(backend: string, grant: string, workers: (() => Promise<boolean>)[], seconds = SECONDS): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    workers.map(async (work) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const ok = await work().catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { backend, grant, count: latencies.length, errors, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function post(url: string, body: Record<string, string>, authorization?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization ? { authorization } : {}) },
    body: new URLSearchParams(body).toString(),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function runBackend(label: string, database: DatabaseProvider, storage: 'prisma' | 'memory'): Promise<Result[]> {
  const db = await createTestDatabase(database);
  await seedProvider(db.prisma);
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', OAUTH_ISSUER: issuer, DATABASE_URL: db.url, LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_MAX_PER_ADDRESS: '100000' });
  const app = await startProviderApp({ config, prisma: db.prisma, logger: createLogger('silent'), engineStorage: storage });
  try {
    if (storage === 'memory') {
      const provider = app.host.current();
      for (const client of demoClients) {
        const metadata = clientMetadataFromDemo(client);
        await (provider.Client as unknown as { adapter: { upsert(id: string, payload: object): Promise<void> } }).adapter.upsert(metadata.client_id, { ...metadata });
      }
    }
    const machineAuth = basicAuth(machineClient.clientId, machineClient.clientSecret!);
    const ccWork = () => post(`${issuer}/token`, { grant_type: 'client_credentials', scope: 'notes:stats' }, machineAuth).then((body) => typeof body.access_token === 'string');
    // Warm-up (JIT, connection pools, prepared statements) is measured and discarded.
    await measure(label, 'warm-up', Array.from({ length: CONCURRENCY }, () => ccWork), WARMUP);
    const cc = await measure(label, 'client_credentials', Array.from({ length: CONCURRENCY }, () => ccWork));

    const chains: string[] = [];
    for (let i = 0; i < CHAINS; i += 1) {
      const { tokens } = await mobileTokens(issuer);
      chains.push(String(tokens.body.refresh_token));
    }
    const refreshWorkers = chains.map((_, index) => async () => {
      const body = await post(`${issuer}/token`, { grant_type: 'refresh_token', refresh_token: chains[index]!, client_id: mobileClient.clientId });
      if (typeof body.refresh_token !== 'string') return false;
      chains[index] = body.refresh_token;
      return true;
    });
    await measure(label, 'warm-up', refreshWorkers, WARMUP);
    const refresh = await measure(label, 'refresh_token (rotating)', refreshWorkers);
    return [cc, refresh];
  } finally {
    await app.close();
    await db.dispose();
  }
}

const results: Result[] = [];
results.push(...(await runBackend('engine in-memory', 'sqlite', 'memory')));
results.push(...(await runBackend('SQLite (Prisma)', 'sqlite', 'prisma')));
if (postgresSkipReason) {
  console.log(`PostgreSQL skipped: ${postgresSkipReason}`);
} else {
  results.push(...(await runBackend('PostgreSQL (Prisma)', 'postgresql', 'prisma')));
}

const baseline = new Map(results.filter((r) => r.backend === 'engine in-memory').map((r) => [r.grant, r.perSecond]));
const rows = results.map((r) => [
  r.backend,
  r.grant,
  r.perSecond.toFixed(0),
  r.p50.toFixed(1),
  r.p99.toFixed(1),
  `${((r.perSecond / (baseline.get(r.grant) ?? r.perSecond)) * 100).toFixed(0)}%`,
  String(r.count),
  String(r.errors),
]);
const header = ['backend', 'grant', 'grants/s', 'p50 ms', 'p99 ms', 'vs memory', 'requests', 'errors'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`\nprovider benchmark: ${SECONDS}s per measurement, ${CONCURRENCY} concurrent client-credentials requests, ${CHAINS} refresh rotation chains, Node ${process.version}\n`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
process.exit(0);
