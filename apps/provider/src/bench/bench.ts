/**
 * `npm run bench:provider` (workspace: `npm run bench -w @oauth-ref/provider`).
 *
 * Our provider against the engine it is built on, each in its own process, driven by a load
 * generator in a third process:
 * - baseline: a bare node-oidc-provider (same version, in-memory adapter, same JWT access token
 *   format and key algorithm, its development login pages; bare-engine-server.ts);
 * - persisted baseline: the same bare engine storing in a fresh database of the same kind as ours,
 *   through the plain one-Prisma-call-per-method adapter (plain-prisma-adapter.ts). Against it,
 *   the ratio is our overhead over the engine run persisted, not the cost of having a database;
 * - ours: `src/main.ts` on a fresh SQLite file, then on a fresh PostgreSQL schema.
 * Scenarios: `client_credentials` grants and full logins (authorization request, login page with
 * password, consent page, callback, code + PKCE + DPoP token request, as the mobile app does).
 *
 * The contenders take turns in `--rounds` rounds of `--seconds` each, the order alternating per
 * round. Each round reads both servers' CPU time (/proc/<pid>/stat utime + stime) before and after,
 * so every round gives work per CPU-second of each server process and requests per second; the
 * table prints the median of the per-round ratios (ours / bare) with their spread (min–max).
 * Work per CPU-second is the steady figure on a shared machine; requests per second also depends
 * on what else runs (the load generator included).
 *
 * For logins it also prints our CPU per login besides the password hash against the bare engine's
 * whole login: our process's CPU minus its thread pool's (read per thread from /proc; scrypt runs
 * there, so the hash is taken out as it ran in that round, under that round's contention), with the
 * pool's CPU per login beside one hash measured alone as a check.
 *
 * `--scale` instead compares one of our instances with two on one PostgreSQL, each pinned to its
 * own core with taskset (the load generator and PostgreSQL are not pinned and share the cores),
 * and projects the two-instance ratio with a core per instance from measured CPU per operation,
 * core demand and PostgreSQL's CPU (scale.ts).
 *
 * Options (after `--`): --seconds=3 --rounds=6 --warmup=2 --cc-concurrency=8
 * --login-concurrency=4 --databases=sqlite,postgresql --scenarios=client_credentials,login
 * --baselines=memory,prisma --scale
 */
import { parseArgs } from 'node:util';
import { createTestDatabase, postgresSkipReason } from '@oauth-ref/db/testing';
import type { DatabaseProvider } from '@oauth-ref/db';
import { demoUsers } from '@oauth-ref/demo-config';
import { verifyPassword, hashPassword } from '../accounts/password-hash.js';
import { freePort } from '../testing/free-port.js';
import type { LoadResult } from './load-generator.js';
import { mergeFailures, type FailureCount } from './failure-reasons.js';
import {
  startLoadGenerator,
  startServer,
  type LoadGenerator,
  type ServerProcess,
} from './processes.js';
import type { Flavour, Scenario } from './scenarios.js';
import { postgresBackends, type PostgresBackends } from './postgres-backends.js';
import { scaleReport } from './scale.js';
import { median, spread } from './statistics.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '2' },
    'cc-concurrency': { type: 'string', default: '8' },
    'login-concurrency': { type: 'string', default: '4' },
    databases: { type: 'string', default: 'sqlite,postgresql' },
    scenarios: { type: 'string', default: 'client_credentials,login' },
    baselines: { type: 'string', default: 'memory,prisma' },
    scale: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const WARMUP = Number(args.warmup);
const CONCURRENCY: Record<Scenario, number> = {
  client_credentials: Number(args['cc-concurrency']),
  login: Number(args['login-concurrency']),
};

interface Contender {
  readonly label: string;
  readonly flavour: Flavour;
  readonly servers: readonly ServerProcess[];
  /** Our server on PostgreSQL: its backends, whose CPU per operation is measured too. */
  readonly postgres?: PostgresBackends;
}

interface Measurement {
  readonly ok: number;
  readonly errors: number;
  readonly failures: LoadResult['failures'];
  readonly perSecond: number;
  readonly perCpuSecond: number;
  readonly cpuMsPerOp: number;
  /** The part of `cpuMsPerOp` spent in the servers' thread pools (the password hash). */
  readonly threadPoolMsPerOp: number;
  /** PostgreSQL's CPU per operation (contenders with `postgres` only). */
  readonly postgresMsPerOp?: number;
}

async function measure(
  load: LoadGenerator,
  contender: Contender,
  scenario: Scenario,
  seconds: number,
): Promise<Measurement> {
  const before = contender.servers.map((server) => server.cpuSeconds());
  const poolBefore = contender.servers.map((server) => server.threadPoolCpuSeconds());
  const postgres = await contender.postgres?.start();
  const result: LoadResult = await load.run({
    scenario,
    flavour: contender.flavour,
    urls: contender.servers.map((server) => server.url),
    seconds,
    concurrency: CONCURRENCY[scenario],
  });
  const cpu = contender.servers.reduce(
    (sum, server, index) => sum + server.cpuSeconds() - before[index]!,
    0,
  );
  // NaN when a server's libuv does not name its pool threads (see threadPoolCpuSecondsOf).
  const pool = contender.servers.reduce(
    (sum, server, index) =>
      sum + (server.threadPoolCpuSeconds() ?? Number.NaN) - (poolBefore[index] ?? Number.NaN),
    0,
  );
  const postgresCpu = await postgres?.stop();
  return {
    ok: result.count,
    errors: result.errors,
    failures: result.failures,
    perSecond: result.count / result.seconds,
    perCpuSecond: cpu > 0 ? result.count / cpu : Number.NaN,
    cpuMsPerOp: result.count > 0 ? (cpu * 1000) / result.count : Number.NaN,
    threadPoolMsPerOp: result.count > 0 ? (pool * 1000) / result.count : Number.NaN,
    postgresMsPerOp:
      postgresCpu === undefined || result.count === 0
        ? undefined
        : (postgresCpu * 1000) / result.count,
  };
}

interface Row {
  readonly cells: string[];
  /** Why this row's operations failed (first distinct reasons over its rounds), if any did. */
  readonly failures?: { reasons: FailureCount[]; others: number };
}

/** Alternating rounds of `a` and `b`; returns the table rows comparing b (ours) with a (base). */
async function compare(
  load: LoadGenerator,
  base: Contender,
  ours: Contender,
  scenario: Scenario,
  context: string,
  hashMs: number,
): Promise<Row[]> {
  await measure(load, base, scenario, WARMUP);
  await measure(load, ours, scenario, WARMUP);
  const rounds: { base: Measurement; ours: Measurement }[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? [base, ours] : [ours, base];
    const got = new Map<Contender, Measurement>();
    for (const contender of order)
      got.set(contender, await measure(load, contender, scenario, SECONDS));
    rounds.push({ base: got.get(base)!, ours: got.get(ours)! });
  }
  const cpuRatios = rounds.map((r) => r.ours.perCpuSecond / r.base.perCpuSecond);
  const rpsRatios = rounds.map((r) => r.ours.perSecond / r.base.perSecond);
  const errors = (pick: (r: (typeof rounds)[number]) => Measurement) =>
    rounds.reduce((sum, r) => sum + pick(r).errors, 0);
  const rows: Row[] = [base, ours].map((contender) => {
    const pick = (r: (typeof rounds)[number]) => (contender === base ? r.base : r.ours);
    const isOurs = contender === ours;
    return {
      cells: [
        context,
        scenario,
        contender.label,
        median(rounds.map((r) => pick(r).perCpuSecond)).toFixed(0),
        median(rounds.map((r) => pick(r).perSecond)).toFixed(0),
        median(rounds.map((r) => pick(r).cpuMsPerOp)).toFixed(2),
        isOurs ? `${median(cpuRatios).toFixed(2)} (${spread(cpuRatios)})` : '1',
        isOurs ? `${median(rpsRatios).toFixed(2)} (${spread(rpsRatios)})` : '1',
        String(rounds.reduce((sum, r) => sum + pick(r).ok, 0)),
        String(errors(pick)),
      ],
      failures: mergeFailures(rounds.map((r) => pick(r).failures)),
    };
  });
  const postgresMs = rounds.flatMap((r) =>
    r.ours.postgresMsPerOp === undefined ? [] : [r.ours.postgresMsPerOp],
  );
  if (postgresMs.length > 0)
    console.log(
      `  ${context} ${scenario}: PostgreSQL's CPU per operation of our provider (its backends, ` +
        `from /proc) = ${median(postgresMs).toFixed(3)} ms (${spread(postgresMs, 3)}), not in the ` +
        'ratios above (they count server processes only)',
    );
  if (scenario === 'login' && ours.flavour === 'ours' && base.flavour === 'bare') {
    const besidesHash = rounds
      .map((r) => (r.ours.cpuMsPerOp - r.ours.threadPoolMsPerOp) / r.base.cpuMsPerOp)
      .filter((ratio) => !Number.isNaN(ratio));
    const poolMs = rounds.map((r) => r.ours.threadPoolMsPerOp).filter((ms) => !Number.isNaN(ms));
    console.log(
      besidesHash.length === 0
        ? `  ${context} login: our CPU per login besides the password hash: not measured, this ` +
            `Node's libuv (${process.versions.uv}) does not name its thread pool's threads ` +
            '(1.50 and later do: Node 24)'
        : `  ${context} login: our CPU per login besides its thread pool (where the password ` +
            `hash runs: ${median(poolMs).toFixed(1)} ms per login, ${spread(poolMs, 1)}; one ` +
            `hash alone: ${hashMs.toFixed(1)} ms) = ${median(besidesHash).toFixed(2)}× the ` +
            `${base.label}'s whole login (${spread(besidesHash)})`,
    );
  }
  return rows;
}

/** CPU milliseconds of one password verification (scrypt) on this machine. */
async function passwordHashCpuMs(): Promise<number> {
  const stored = await hashPassword(demoUsers[0]!.password);
  await verifyPassword(demoUsers[0]!.password, stored);
  const runs = 20;
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i += 1) await verifyPassword(demoUsers[0]!.password, stored);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / runs;
}

async function startOurs(url: string, port: number, core?: number): Promise<ServerProcess> {
  return startServer(
    'src/main.ts',
    port,
    {
      OAUTH_ISSUER: `http://localhost:${port}`,
      DATABASE_URL: url,
      DEMO_MODE: 'true',
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT_MAX: '1000000',
      LOGIN_RATE_LIMIT_MAX_PER_ADDRESS: '1000000',
    },
    core,
  );
}

function printTable(rows: Row[]): void {
  const header = [
    'database',
    'scenario',
    'server',
    'ops/CPU-s',
    'ops/s',
    'CPU ms/op',
    'ratio per CPU-s (spread)',
    'ratio ops/s (spread)',
    'ops',
    'errors',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row.cells));
  for (const row of rows) {
    const failures = row.failures;
    if (!failures || (failures.reasons.length === 0 && failures.others === 0)) continue;
    console.log(`\nfailures of ${row.cells.slice(0, 3).join(' / ')}:`);
    for (const { reason, count } of failures.reasons) console.log(`  ${count}× ${reason}`);
    if (failures.others > 0) console.log(`  ${failures.others}× other reasons (not kept)`);
  }
}

const databases = args.databases.split(',').filter(Boolean) as DatabaseProvider[];
const scenarios = args.scenarios.split(',').filter(Boolean) as Scenario[];
const baselines = args.baselines.split(',').filter(Boolean);
const load = startLoadGenerator();
const rows: Row[] = [];
const scaleLines: string[] = [];
const started: ServerProcess[] = [];
try {
  if (args.scale) {
    if (postgresSkipReason) throw new Error(`--scale needs PostgreSQL: ${postgresSkipReason}`);
    const db = await createTestDatabase('postgresql');
    const [portA, portB] = [await freePort(), await freePort()];
    const a = await startOurs(db.url, portA, 0);
    const b = await startOurs(db.url, portB, 1);
    started.push(a, b);
    const one = { label: 'one instance (core 0)', servers: [a], concurrency: 0 };
    const two = { label: 'two instances (cores 0, 1)', servers: [a, b], concurrency: 0 };
    for (const scenario of scenarios) {
      const lines = await scaleReport({
        load,
        databaseUrl: db.url,
        one: { ...one, concurrency: CONCURRENCY[scenario] },
        two: { ...two, concurrency: CONCURRENCY[scenario] * 2 },
        scenario,
        rounds: ROUNDS,
        seconds: SECONDS,
        warmup: WARMUP,
      });
      scaleLines.push(...lines);
    }
    await db.dispose();
  } else {
    const hashMs = scenarios.includes('login') ? await passwordHashCpuMs() : 0;
    for (const database of databases) {
      if (database === 'postgresql' && postgresSkipReason) {
        console.log(`PostgreSQL skipped: ${postgresSkipReason}`);
        continue;
      }
      const db = await createTestDatabase(database);
      // The persisted baseline's own database, of the same kind as ours.
      const bareDb = baselines.includes('prisma') ? await createTestDatabase(database) : undefined;
      const startBare = async (databaseUrl?: string) => {
        const port = await freePort();
        return startServer('src/bench/bare-engine-server.ts', port, {
          OAUTH_ISSUER: `http://localhost:${port}`,
          ...(databaseUrl ? { BARE_DATABASE_URL: databaseUrl } : {}),
        });
      };
      const bases: Contender[] = [];
      if (baselines.includes('memory'))
        bases.push({ label: 'bare oidc-provider', flavour: 'bare', servers: [await startBare()] });
      if (bareDb)
        bases.push({
          label: 'bare oidc-provider on Prisma',
          flavour: 'bare',
          servers: [await startBare(bareDb.url)],
        });
      const oursServer = await startOurs(db.url, await freePort());
      const postgres = database === 'postgresql' ? await postgresBackends(db.url) : undefined;
      const servers = [...bases.flatMap((base) => base.servers), oursServer];
      started.push(...servers);
      const ours: Contender = {
        label: 'our provider',
        flavour: 'ours',
        servers: [oursServer],
        postgres,
      };
      for (const scenario of scenarios)
        for (const base of bases)
          rows.push(...(await compare(load, base, ours, scenario, database, hashMs)));
      await postgres?.dispose();
      await Promise.all(servers.map((server) => server.stop()));
      await Promise.all([db.dispose(), bareDb?.dispose()]);
    }
  }
  console.log(
    `\nprovider benchmark: ${ROUNDS} alternating rounds of ${SECONDS}s per contender (after ${WARMUP}s warm-up), ` +
      `concurrency ${CONCURRENCY.client_credentials} (client_credentials) / ${CONCURRENCY.login} (login), Node ${process.version}; ` +
      'ratios are medians of per-round ratios (ours / baseline)\n',
  );
  if (rows.length > 0) printTable(rows);
  for (const line of scaleLines) console.log(line);
} finally {
  load.stop();
  await Promise.all(started.map((server) => server.stop()));
}
process.exit(0);
