/**
 * `--scale`: what one more instance on the same PostgreSQL would give, from measured numbers.
 *
 * Issue #16 asks for two instances ≥ 1.8× one "when each has a core". On a 2-core machine the load
 * generator and PostgreSQL need CPU too, so two instances never each get a core, and the plain
 * throughput ratio of a two-instance run measures the machine, not the provider. So besides that
 * ratio (printed, labelled as such) every run reads, for each contender:
 * - the server processes' CPU per operation (/proc/<pid>/stat);
 * - how much of the run each server's event loop (its main thread: the part of an instance that
 *   cannot use a second core) was on a core, and how much it wanted one: its CPU time plus the time
 *   it sat runnable in the scheduler's queue (/proc/<pid>/task/<pid>/schedstat, fields 1 and 2),
 *   per wall-clock second. Wanting near 1 s per s: the instance is CPU-bound, a core of its own is
 *   what makes it faster. Well below 1: it waits on something else (queries, the load generator,
 *   too few concurrent requests), and a core would not help;
 * - PostgreSQL's CPU per operation: the backend processes serving this benchmark's schema (found in
 *   `pg_stat_activity` by their last statement naming the schema; the statistics connection itself
 *   is left out), read from /proc like the servers;
 * - the load generator's CPU per operation.
 *
 * The projection then assumes what "each has a core" means: every instance on a core of its own,
 * PostgreSQL with spare CPU, the load generator elsewhere. One instance then does at most
 * 1000 / (its CPU ms per op) ops/s; two do 2000 / (their CPU ms per op in the two-instance run,
 * which includes any cost of sharing the database: retries, contention), so the projected ratio is
 * 2 × (one's CPU per op) / (two's CPU per op); it holds only while PostgreSQL keeps up, so the
 * PostgreSQL cores needed at that rate are printed next to it.
 */
import { readFileSync } from 'node:fs';
import { mergeFailures } from './failure-reasons.js';
import type { LoadResult } from './load-generator.js';
import { postgresBackends, type PostgresBackends } from './postgres-backends.js';
import type { LoadGenerator, ServerProcess } from './processes.js';
import { cpuSecondsOf } from './processes.js';
import type { Scenario } from './scenarios.js';
import { median, spread } from './statistics.js';

/**
 * The event loop's thread (the main thread, tid = pid): its CPU and its run-queue wait, in seconds.
 * The event loop is what one instance cannot spread over cores, so its demand is the one that says
 * whether a core of its own would make the instance faster.
 */
function mainThreadSeconds(pid: number): { cpu: number; waiting: number } {
  const [run, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ');
  return { cpu: Number(run) / 1e9, waiting: Number(wait) / 1e9 };
}

interface ScaleContender {
  readonly label: string;
  readonly servers: readonly ServerProcess[];
  readonly concurrency: number;
}

interface ScaleMeasurement {
  readonly ops: number;
  readonly errors: number;
  readonly failures: LoadResult['failures'];
  readonly wall: number;
  readonly serverCpu: number;
  /** Per server, its event loop thread: CPU / wall, and (CPU + run-queue wait) / wall. */
  readonly busy: number[];
  readonly demand: number[];
  readonly postgresCpu: number;
  readonly loadCpu: number;
}

async function measureScale(
  load: LoadGenerator,
  backends: PostgresBackends,
  contender: ScaleContender,
  scenario: Scenario,
  seconds: number,
): Promise<ScaleMeasurement> {
  const sched = contender.servers.map((server) => mainThreadSeconds(server.pid));
  const cpu = contender.servers.map((server) => server.cpuSeconds());
  const loadCpu = cpuSecondsOf(load.pid);
  const postgres = await backends.start();
  const result = await load.run({
    scenario,
    flavour: 'ours',
    urls: contender.servers.map((server) => server.url),
    seconds,
    concurrency: contender.concurrency,
  });
  const postgresCpu = await postgres.stop();
  const schedAfter = contender.servers.map((server) => mainThreadSeconds(server.pid));
  return {
    ops: result.count,
    errors: result.errors,
    failures: result.failures,
    wall: result.seconds,
    serverCpu: contender.servers.reduce(
      (sum, server, index) => sum + server.cpuSeconds() - cpu[index]!,
      0,
    ),
    busy: schedAfter.map((after, index) => (after.cpu - sched[index]!.cpu) / result.seconds),
    demand: schedAfter.map(
      (after, index) =>
        (after.cpu - sched[index]!.cpu + after.waiting - sched[index]!.waiting) / result.seconds,
    ),
    postgresCpu,
    loadCpu: cpuSecondsOf(load.pid) - loadCpu,
  };
}

/** Alternating rounds of one and two instances; prints the measured and the projected ratios. */
export async function scaleReport(options: {
  load: LoadGenerator;
  databaseUrl: string;
  one: ScaleContender;
  two: ScaleContender;
  scenario: Scenario;
  rounds: number;
  seconds: number;
  warmup: number;
}): Promise<string[]> {
  const { load, one, two, scenario } = options;
  const backends = await postgresBackends(options.databaseUrl);
  try {
    await measureScale(load, backends, one, scenario, options.warmup);
    await measureScale(load, backends, two, scenario, options.warmup);
    const rounds: { one: ScaleMeasurement; two: ScaleMeasurement }[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      const order = round % 2 === 0 ? [one, two] : [two, one];
      const got = new Map<ScaleContender, ScaleMeasurement>();
      for (const contender of order)
        got.set(
          contender,
          await measureScale(load, backends, contender, scenario, options.seconds),
        );
      rounds.push({ one: got.get(one)!, two: got.get(two)! });
    }
    const perOp = (m: ScaleMeasurement, cpu: number) => (m.ops > 0 ? (cpu * 1000) / m.ops : NaN);
    const lines: string[] = [];
    for (const [label, pick] of [
      [one.label, (r: (typeof rounds)[number]) => r.one],
      [two.label, (r: (typeof rounds)[number]) => r.two],
    ] as const) {
      const ms = rounds.map(pick);
      lines.push(
        `  ${scenario}, ${label}: ${median(ms.map((m) => m.ops / m.wall)).toFixed(0)} ops/s; ` +
          `server CPU ${median(ms.map((m) => perOp(m, m.serverCpu))).toFixed(2)} ms/op, ` +
          `PostgreSQL ${median(ms.map((m) => perOp(m, m.postgresCpu))).toFixed(3)} ms/op, ` +
          `load generator ${median(ms.map((m) => perOp(m, m.loadCpu))).toFixed(2)} ms/op; ` +
          `each server's event loop busy ${ms[0]!.busy.map((_, i) => median(ms.map((m) => m.busy[i]!)).toFixed(2)).join(' / ')} ` +
          `and wanting ${ms[0]!.demand.map((_, i) => median(ms.map((m) => m.demand[i]!)).toFixed(2)).join(' / ')} ` +
          `s per s (its CPU + its wait for a core); ${ms.reduce((s, m) => s + m.ops, 0)} ops, ` +
          `${ms.reduce((s, m) => s + m.errors, 0)} errors`,
      );
      const failures = mergeFailures(ms.map((m) => m.failures));
      for (const { reason, count } of failures.reasons)
        lines.push(`    failed ${count}×: ${reason}`);
      if (failures.others > 0)
        lines.push(`    failed ${failures.others}×: other reasons (not kept)`);
    }
    const measured = rounds.map((r) => r.two.ops / r.two.wall / (r.one.ops / r.one.wall));
    const projected = rounds.map(
      (r) => (2 * perOp(r.one, r.one.serverCpu)) / perOp(r.two, r.two.serverCpu),
    );
    const postgresCores = rounds.map(
      (r) => (2 * perOp(r.two, r.two.postgresCpu)) / perOp(r.two, r.two.serverCpu),
    );
    lines.push(
      `  ${scenario}: two / one measured on this machine ${median(measured).toFixed(2)}× ` +
        `(${spread(measured)}; shares its cores with the load generator and PostgreSQL); ` +
        `projected with a core per instance ${median(projected).toFixed(2)}× (${spread(projected)}) = ` +
        `2 × one's server CPU per op / two's, valid while PostgreSQL keeps up: it would need ` +
        `${median(postgresCores).toFixed(3)} cores at that rate (${spread(postgresCores, 3)})`,
    );
    return lines;
  } finally {
    await backends.dispose();
  }
}
