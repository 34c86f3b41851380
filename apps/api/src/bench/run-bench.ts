/**
 * The orchestrator of `npm run bench:api`: starts the test issuer, the servers (each in its own
 * process) and the load generator (in another), then runs paired rounds. In each round and for
 * each scheme, the bare server and the API are loaded one after the other — bare first in odd
 * rounds, the API first in even ones — each with a warm-up then a measured run, and the pair's
 * ratios (API / bare) are kept: requests per second, and successful requests per CPU-second of
 * the server process (from /proc, every thread of it). It prints the median of each contender's
 * figures and the median and range of the paired ratios.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { startTestIssuer } from '@oauth-ref/nest-bearer-auth/testing';
import type { BenchServerKind } from './bench-servers.js';
import type { LoadJob, LoadResult } from './load-generator.js';
import { median, summarizeRatios, type RatioSummary } from './paired-ratios.js';
import { processCpuSeconds } from './process-cpu.js';

const AUDIENCE = 'http://localhost:3333';
/** Issue 16: the API keeps at least this share of the bare server's work, both metrics. */
export const GOAL = 0.9;

export type Scheme = 'Bearer' | 'DPoP';

export interface BenchSettings {
  readonly entry: string;
  readonly duration: number;
  readonly warmup: number;
  /** Seconds of load on each server and scheme before the first round (JIT, caches). */
  readonly initialWarmup: number;
  readonly connections: number;
  readonly rounds: number;
  readonly adapters: readonly ('api-fastify' | 'api-express')[];
  readonly schemes: readonly Scheme[];
  readonly redisUrl: string | undefined;
  readonly profileDir: string | undefined;
}

interface Child {
  readonly process: ChildProcess;
  readonly pid: number;
}

interface Measured extends LoadResult {
  readonly perCpuSecond: number;
}

function forkChild(entry: string, args: readonly string[], execArgv: string[] = []): ChildProcess {
  return fork(entry, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv });
}

function nextMessage<M, T>(child: ChildProcess, pick: (message: M) => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const picked = pick(message as M);
      if (picked === undefined) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(picked);
    };
    const onExit = (code: number | null) => reject(new Error(`child exited with ${code}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function startServer(
  settings: BenchSettings,
  kind: BenchServerKind,
  issuer: string,
): Promise<Child & { base: string }> {
  // both contenders are profiled, so their profiles can be compared per request
  const execArgv =
    settings.profileDir !== undefined
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${settings.profileDir}`,
          `--cpu-prof-name=${kind}.cpuprofile`,
        ]
      : [];
  const child = forkChild(
    settings.entry,
    ['--serve', kind, issuer, AUDIENCE, settings.redisUrl ?? ''],
    execArgv,
  );
  const port = await nextMessage(child, (message: { port?: number }) => message.port);
  return { process: child, pid: child.pid as number, base: `http://127.0.0.1:${port}` };
}

function load(loader: ChildProcess, job: LoadJob): Promise<LoadResult> {
  const answer = nextMessage(loader, (message: { result?: LoadResult; error?: string }) =>
    message.error !== undefined ? { error: message.error } : message.result,
  );
  loader.send(job);
  return answer.then((value) => {
    if ('error' in value) throw new Error(String(value.error));
    return value;
  });
}

async function measure(
  loader: ChildProcess,
  server: Child & { base: string },
  job: Omit<LoadJob, 'url' | 'duration'>,
  settings: BenchSettings,
): Promise<Measured> {
  const url = `${server.base}/me`;
  await load(loader, { ...job, url, duration: settings.warmup });
  const before = processCpuSeconds(server.pid);
  const result = await load(loader, { ...job, url, duration: settings.duration });
  const cpu = Math.max(1e-3, processCpuSeconds(server.pid) - before);
  return { ...result, perCpuSecond: (result.requests - result.non2xx - result.errors) / cpu };
}

export interface ContenderFigures {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly perCpuSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
}

export interface PairFigures {
  readonly name: string;
  readonly throughput: RatioSummary;
  readonly perCpuSecond: RatioSummary;
  readonly runs: readonly { readonly throughput: number; readonly perCpuSecond: number }[];
}

export interface BenchReport {
  readonly contenders: readonly ContenderFigures[];
  readonly pairs: readonly PairFigures[];
}

function contenderFigures(name: string, runs: readonly Measured[]): ContenderFigures {
  return {
    name,
    requestsPerSecond: Math.round(median(runs.map((run) => run.requestsPerSecond))),
    perCpuSecond: Math.round(median(runs.map((run) => run.perCpuSecond))),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    failed: runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0),
  };
}

/**
 * Runs the whole benchmark and returns its figures.
 *
 * @example
 * const report = await runBench({ entry, duration: 5, warmup: 2, initialWarmup: 5, connections: 20, rounds: 6, adapters: ['api-fastify'], schemes: ['Bearer', 'DPoP'], redisUrl: undefined, profileDir: undefined });
 */
export async function runBench(settings: BenchSettings): Promise<BenchReport> {
  const issuer = await startTestIssuer({ audience: AUDIENCE });
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const proofKey = privateKey.export({ format: 'jwk' }) as JWK;
  const thumbprint = await calculateJwkThumbprint(publicKey.export({ format: 'jwk' }) as JWK);
  const tokens: Record<Scheme, string> = {
    Bearer: await issuer.issueAccessToken({ expiresIn: 3600 }),
    DPoP: await issuer.issueAccessToken({ expiresIn: 3600, claims: { cnf: { jkt: thumbprint } } }),
  };
  const children: ChildProcess[] = [];
  const runs = new Map<string, Measured[]>();
  const pairs = new Map<string, { throughput: number; perCpuSecond: number }[]>();
  try {
    const loader = forkChild(settings.entry, ['--load']);
    children.push(loader);
    await nextMessage(loader, (message: { ready?: boolean }) => message.ready);
    const bare = await startServer(settings, 'bare', issuer.issuer);
    children.push(bare.process);
    const apis = [];
    for (const adapter of settings.adapters) {
      const api = await startServer(settings, adapter, issuer.issuer);
      children.push(api.process);
      apis.push({ name: adapter, server: api });
    }
    // the API has far more code to compile than the bare server: let both reach steady state
    for (const server of [bare, ...apis.map((api) => api.server)])
      for (const scheme of settings.schemes)
        await load(loader, {
          url: `${server.base}/me`,
          duration: settings.initialWarmup,
          connections: settings.connections,
          scheme,
          token: tokens[scheme],
          ...(scheme === 'DPoP' ? { proofKey, htu: `${AUDIENCE}/me` } : {}),
        });
    for (let round = 1; round <= settings.rounds; round += 1) {
      for (const scheme of settings.schemes) {
        const job = {
          connections: settings.connections,
          scheme,
          token: tokens[scheme],
          ...(scheme === 'DPoP' ? { proofKey, htu: `${AUDIENCE}/me` } : {}),
        };
        for (const api of apis) {
          const order = round % 2 === 1 ? ['bare', 'api'] : ['api', 'bare'];
          const measured: Record<string, Measured> = {};
          for (const which of order)
            measured[which] = await measure(
              loader,
              which === 'bare' ? bare : api.server,
              job,
              settings,
            );
          const bareRun = measured['bare'] as Measured;
          const apiRun = measured['api'] as Measured;
          const record = (name: string, run: Measured) => {
            const list = runs.get(name) ?? [];
            list.push(run);
            runs.set(name, list);
          };
          record(`bare ${scheme}`, bareRun);
          record(`${api.name} ${scheme}`, apiRun);
          const pair = `${api.name} ${scheme}`;
          const list = pairs.get(pair) ?? [];
          list.push({
            throughput: apiRun.requestsPerSecond / Math.max(1, bareRun.requestsPerSecond),
            perCpuSecond: apiRun.perCpuSecond / Math.max(1, bareRun.perCpuSecond),
          });
          pairs.set(pair, list);
          console.error(
            `round ${round} ${pair}: API ${Math.round(apiRun.perCpuSecond)}/CPU-s ${Math.round(apiRun.requestsPerSecond)} req/s, bare ${Math.round(bareRun.perCpuSecond)}/CPU-s ${Math.round(bareRun.requestsPerSecond)} req/s`,
          );
        }
      }
    }
  } finally {
    for (const child of children) child.send('exit');
    await issuer.close();
  }
  return {
    contenders: [...runs].map(([name, list]) => contenderFigures(name, list)),
    pairs: [...pairs].map(([name, list]) => ({
      name,
      throughput: summarizeRatios(list.map((run) => run.throughput)),
      perCpuSecond: summarizeRatios(list.map((run) => run.perCpuSecond)),
      runs: list,
    })),
  };
}
