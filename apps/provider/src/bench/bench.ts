/**
 * `npm run bench -w @oauth-ref/provider` (root: `npm run bench:provider`).
 *
 * Client-credentials grants/s and refresh grants/s (public client, rotating refresh tokens) with
 * p50/p99 latency, on SQLite and PostgreSQL, next to the same engine with its in-memory adapter
 * in the same run, so the persistence cost reads as a ratio. Real HTTP on loopback, one process.
 *
 * Backends run side by side and take turns in `--rounds` short slices (default 4), so load from
 * other processes falls on all of them alike.
 *
 * Options (after `--`): --seconds=4 per measurement, --warmup=2 (discarded), --concurrency=8
 * client-credentials workers, --chains=4 refresh rotation chains, --rounds=4.
 */
import { parseArgs } from 'node:util';
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

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '8' },
    chains: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '4' },
  },
});
const SECONDS = Number(args.seconds);
const WARMUP = Number(args.warmup);
const CONCURRENCY = Number(args.concurrency);
const CHAINS = Number(args.chains);
const ROUNDS = Number(args.rounds);

interface Sample {
  latencies: number[];
  errors: number;
  seconds: number;
}

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

/** Runs the workers in parallel for `seconds`, adding every request's latency to `into`. */
async function measure(
  workers: (() => Promise<boolean>)[],
  seconds: number,
  into?: Sample,
): Promise<void> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    workers.map(async (work) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const ok = await work().catch(() => false);
        if (into) {
          into.latencies.push(performance.now() - t0);
          if (!ok) into.errors += 1;
        }
      }
    }),
  );
  if (into) into.seconds += (performance.now() - started) / 1000;
}

async function post(
  url: string,
  body: Record<string, string>,
  authorization?: string,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(authorization ? { authorization } : {}),
    },
    body: new URLSearchParams(body).toString(),
  });
  return (await response.json()) as Record<string, unknown>;
}

interface Backend {
  readonly label: string;
  readonly cc: (() => Promise<boolean>)[];
  readonly refresh: (() => Promise<boolean>)[];
  readonly samples: { cc: Sample; refresh: Sample };
  close(): Promise<void>;
}

async function startBackend(
  label: string,
  database: DatabaseProvider,
  storage: 'prisma' | 'memory',
): Promise<Backend> {
  const db = await createTestDatabase(database);
  await seedProvider(db.prisma);
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    OAUTH_ISSUER: issuer,
    DATABASE_URL: db.url,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_MAX_PER_ADDRESS: '100000',
  });
  const app = await startProviderApp({
    config,
    prisma: db.prisma,
    logger: createLogger('silent'),
    engineStorage: storage,
  });
  if (storage === 'memory') {
    const provider = app.host.current();
    for (const client of demoClients) {
      const metadata = clientMetadataFromDemo(client);
      await (
        provider.Client as unknown as {
          adapter: { upsert(id: string, payload: object): Promise<void> };
        }
      ).adapter.upsert(metadata.client_id, { ...metadata });
    }
  }
  const machineAuth = basicAuth(machineClient.clientId, machineClient.clientSecret!);
  const ccWork = () =>
    post(
      `${issuer}/token`,
      { grant_type: 'client_credentials', scope: 'notes:stats' },
      machineAuth,
    ).then((body) => typeof body.access_token === 'string');
  const chains: string[] = [];
  for (let i = 0; i < CHAINS; i += 1) {
    const { tokens } = await mobileTokens(issuer);
    chains.push(String(tokens.body.refresh_token));
  }
  const refresh = chains.map((_, index) => async () => {
    const body = await post(`${issuer}/token`, {
      grant_type: 'refresh_token',
      refresh_token: chains[index]!,
      client_id: mobileClient.clientId,
    });
    if (typeof body.refresh_token !== 'string') return false;
    chains[index] = body.refresh_token;
    return true;
  });
  const cc = Array.from({ length: CONCURRENCY }, () => ccWork);
  // Warm-up (JIT, connection pools, prepared statements), discarded.
  await measure(cc, WARMUP);
  await measure(refresh, WARMUP);
  return {
    label,
    cc,
    refresh,
    samples: {
      cc: { latencies: [], errors: 0, seconds: 0 },
      refresh: { latencies: [], errors: 0, seconds: 0 },
    },
    async close() {
      await app.close();
      await db.dispose();
    },
  };
}

function summarise(backend: string, grant: string, sample: Sample): Result {
  const sorted = [...sample.latencies].sort((a, b) => a - b);
  return {
    backend,
    grant,
    count: sorted.length,
    errors: sample.errors,
    perSecond: sorted.length / sample.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

const backends: Backend[] = [];
backends.push(await startBackend('engine in-memory', 'sqlite', 'memory'));
backends.push(await startBackend('SQLite (Prisma)', 'sqlite', 'prisma'));
if (postgresSkipReason) {
  console.log(`PostgreSQL skipped: ${postgresSkipReason}`);
} else {
  backends.push(await startBackend('PostgreSQL (Prisma)', 'postgresql', 'prisma'));
}

// Backends take turns in short slices, so load from other processes on a shared machine falls on
// all of them alike and the ratios stay meaningful.
const slice = SECONDS / ROUNDS;
for (let round = 0; round < ROUNDS; round += 1) {
  for (const backend of backends) await measure(backend.cc, slice, backend.samples.cc);
  for (const backend of backends) await measure(backend.refresh, slice, backend.samples.refresh);
}
for (const backend of backends) await backend.close();

const results = backends.flatMap((backend) => [
  summarise(backend.label, 'client_credentials', backend.samples.cc),
  summarise(backend.label, 'refresh_token (rotating)', backend.samples.refresh),
]);
const baseline = new Map(
  results.filter((r) => r.backend === 'engine in-memory').map((r) => [r.grant, r.perSecond]),
);
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
const header = [
  'backend',
  'grant',
  'grants/s',
  'p50 ms',
  'p99 ms',
  'vs memory',
  'requests',
  'errors',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(
  `\nprovider benchmark: ${SECONDS}s per measurement in ${ROUNDS} interleaved slices, ${CONCURRENCY} concurrent client-credentials requests, ${CHAINS} refresh rotation chains, Node ${process.version}\n`,
);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
process.exit(0);
