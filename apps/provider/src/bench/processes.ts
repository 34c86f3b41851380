/**
 * The benchmark's processes: servers started as separate Node processes (optionally pinned to one
 * core with `taskset`), their CPU time read from /proc, and the forked load generator.
 */
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadRequest, LoadResult } from './load-generator.js';

const appRoot = fileURLToPath(new URL('../..', import.meta.url));
const NODE_ARGS = ['--conditions=@oauth-ref/source', '--import', 'tsx'];
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface ServerProcess {
  readonly pid: number;
  readonly url: string;
  /** User + system CPU seconds the process has used so far. */
  cpuSeconds(): number;
  /** The part of `cpuSeconds` used by libuv's thread pool (where scrypt runs), if named. */
  threadPoolCpuSeconds(): number | undefined;
  stop(): Promise<void>;
}

/** utime + stime, in seconds, of a /proc `stat` file (a process's or one thread's). */
function statCpuSeconds(path: string): number {
  const stat = readFileSync(path, 'utf8');
  // Fields after the command name (which may contain spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export function cpuSecondsOf(pid: number): number {
  return statCpuSeconds(`/proc/${pid}/stat`);
}

/**
 * CPU seconds of the process's libuv thread-pool threads (libuv 1.50+, so Node 24 and later 22s,
 * names them `libuv-worker`): where `crypto.scrypt`, and so the password hash, runs. Read per
 * thread from /proc/<pid>/task; the pool's threads live as long as the process, so differences
 * between two reads are exact to the tick. `undefined` when no thread has that name: an older
 * libuv (Node 22.13's 1.49 names every thread `node`), or a pool not started yet.
 */
export function threadPoolCpuSecondsOf(pid: number): number | undefined {
  let seconds: number | undefined;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      if (readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim() !== 'libuv-worker') continue;
      seconds = (seconds ?? 0) + statCpuSeconds(`/proc/${pid}/task/${tid}/stat`);
    } catch {
      // a thread that ended between the listing and the read
    }
  }
  return seconds;
}

async function waitHealthy(child: ChildProcess, url: string, output: string[]): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.join('')}`);
    try {
      if ((await fetch(`${url}/.well-known/openid-configuration`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Starts `script` (relative to apps/provider) with `env`; `core` pins it with taskset. */
export async function startServer(
  script: string,
  port: number,
  env: Record<string, string>,
  core?: number,
): Promise<ServerProcess> {
  const command = core === undefined ? process.execPath : 'taskset';
  const args = [...NODE_ARGS, script];
  const child = spawn(
    command,
    core === undefined ? args : ['-c', String(core), process.execPath, ...args],
    {
      cwd: appRoot,
      env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://localhost:${port}`;
  await waitHealthy(child, url, output);
  const pid = child.pid!;
  return {
    pid,
    url,
    cpuSeconds: () => cpuSecondsOf(pid),
    threadPoolCpuSeconds: () => threadPoolCpuSecondsOf(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export interface LoadGenerator {
  readonly pid: number;
  run(request: LoadRequest): Promise<LoadResult>;
  stop(): void;
}

export function startLoadGenerator(): LoadGenerator {
  const child = fork(fileURLToPath(new URL('./load-generator.ts', import.meta.url)), [], {
    cwd: appRoot,
    execArgv: NODE_ARGS,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    pid: child.pid!,
    run: (request) =>
      new Promise((resolve, reject) => {
        child.once('message', (message: LoadResult | { error: string }) =>
          'error' in message ? reject(new Error(message.error)) : resolve(message),
        );
        child.send(request);
      }),
    stop: () => child.kill('SIGTERM'),
  };
}
