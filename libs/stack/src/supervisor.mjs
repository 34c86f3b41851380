// The supervisor owns every process of the stack: the set-up steps (migrate, seed, build) and the
// apps. Each runs under the watchdog, so none outlives the supervisor. An app that exits is
// reported (which one, why, its last lines) and stays down until someone restarts it; the other
// apps keep running. shutdown() stops whatever is running at that moment.
import { appendFileSync, mkdirSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { prettyLogLine, toLogRecord } from './format-log-line.mjs';
import { spawnWatched } from './spawn-watched.mjs';
import { waitForHttp } from './wait-for-http.mjs';

/**
 * @typedef {object} AppSpec
 * @property {string} name
 * @property {string} command
 * @property {readonly string[]} args
 * @property {Record<string, string | undefined>} env the whole environment of the app
 * @property {number} port
 * @property {string} healthUrl answers below 500 once the app is ready
 * @property {number} [color] ANSI colour of its name in the terminal
 *
 * @typedef {'starting' | 'running' | 'stopping' | 'stopped' | 'exited'} AppState
 * @typedef {{ name: string, state: AppState, port: number, pid?: number, lastExit?: string }} AppStatus
 */

/** Thrown when a step or an app start is cut short because the stack is stopping. */
export class StackStoppingError extends Error {
  code = 'ERR_STACK_STOPPING';
  constructor() {
    super('the stack is stopping');
    this.name = 'StackStoppingError';
  }
}

/** Thrown for a command (migrate, build, …) that failed; `lastLines` is its output's tail. */
export class StepFailedError extends Error {
  code = 'ERR_STACK_STEP_FAILED';
  /**
   * @param {string} title
   * @param {string} why
   * @param {readonly string[]} lastLines
   */
  constructor(title, why, lastLines) {
    super(`${title} failed (${why})`);
    this.name = 'StepFailedError';
    this.lastLines = lastLines;
  }
}

/**
 * Why a process ended, for people.
 *
 * @param {{ code: number | null, signal: NodeJS.Signals | null }} exit
 * @returns {string}
 * @example
 * describeExit({ code: 137, signal: null }); // 'exit code 137: killed by SIGKILL'
 */
export function describeExit(exit) {
  if (exit.signal) return `killed by ${exit.signal}`;
  // npm and shells report a child killed by signal N as exit code 128 + N.
  const signal = Object.entries(constants.signals).find(
    ([, number]) => exit.code !== null && exit.code > 128 && number === exit.code - 128,
  );
  return signal ? `exit code ${exit.code}: killed by ${signal[0]}` : `exit code ${exit.code}`;
}

/**
 * @param {object} options
 * @param {string} options.cwd
 * @param {(line: string) => void} options.print one terminal line
 * @param {string} [options.logDir] where `<app>.log` (pino-style JSON lines) are written
 * @param {boolean} [options.color]
 * @param {number} [options.graceMs] how long an app has to stop before it is killed (default 5 s)
 * @param {number} [options.startTimeoutMs]
 * @param {(name: string, exit: string, lastLines: readonly string[]) => void} [options.onAppExit]
 * @returns {Supervisor}
 * @example
 * const supervisor = createSupervisor({ cwd, print: console.log });
 * await supervisor.runStep('build', 'npx', ['nx', 'run-many', '-t', 'build'], process.env);
 * await supervisor.startApp({ name: 'api', command: 'npm', args: ['run', 'serve'], env, port: 3333, healthUrl });
 * await supervisor.shutdown();
 */
export function createSupervisor(options) {
  const graceMs = options.graceMs ?? 5_000;
  /** @type {Map<string, { spec: AppSpec, state: AppState, watched?: import('./spawn-watched.mjs').WatchedProcess, tail: string[], lastExit?: string }>} */
  const apps = new Map();
  /** @type {Set<import('./spawn-watched.mjs').WatchedProcess>} */
  const steps = new Set();
  const width = 8;
  let shuttingDown = false;
  if (options.logDir) mkdirSync(options.logDir, { recursive: true });

  /**
   * @param {string} name
   * @param {import('./spawn-watched.mjs').WatchedProcess} watched
   * @param {string[]} tail
   * @param {number | undefined} color
   * @param {boolean} quiet keep lines out of the terminal (set-up steps print only on failure)
   */
  const pipeOutput = (name, watched, tail, color, quiet) => {
    for (const stream of /** @type {const} */ (['stdout', 'stderr'])) {
      createInterface({ input: watched.child[stream] }).on('line', (line) => {
        if (line.trim() === '') return;
        const record = toLogRecord(name, line, stream);
        const pretty = prettyLogLine(record, { width, color: options.color ? color : undefined });
        tail.push(prettyLogLine(record, { width }));
        if (tail.length > 12) tail.shift();
        if (!quiet) options.print(pretty);
        if (options.logDir)
          appendFileSync(join(options.logDir, `${name}.log`), `${JSON.stringify(record)}\n`);
      });
    }
  };

  /** @type {Supervisor} */
  const supervisor = {
    async runStep(title, command, args, env, stepOptions = {}) {
      if (shuttingDown) throw new StackStoppingError();
      const watched = spawnWatched(command, args, { cwd: options.cwd, env, graceMs });
      steps.add(watched);
      /** @type {string[]} */
      const tail = [];
      pipeOutput(stepOptions.logName ?? 'stack', watched, tail, undefined, !stepOptions.verbose);
      const exit = await watched.exited;
      steps.delete(watched);
      if (shuttingDown) throw new StackStoppingError();
      if (exit.code !== 0) throw new StepFailedError(title, describeExit(exit), tail);
    },

    async startApp(spec) {
      if (shuttingDown) throw new StackStoppingError();
      const current = apps.get(spec.name);
      if (current && (current.state === 'starting' || current.state === 'running')) return;
      const watched = spawnWatched(spec.command, spec.args, {
        cwd: options.cwd,
        env: { ...spec.env, PORT: String(spec.port) },
        graceMs,
      });
      /** @type {string[]} */
      const tail = [];
      /** @type {{ spec: AppSpec, state: AppState, watched: typeof watched, tail: string[], lastExit?: string }} */
      const entry = { spec, state: 'starting', watched, tail };
      apps.set(spec.name, entry);
      pipeOutput(spec.name, watched, tail, spec.color, false);
      void watched.exited.then((exit) => {
        if (apps.get(spec.name) !== entry) return;
        const expected = entry.state === 'stopping' || shuttingDown;
        entry.state = expected ? 'stopped' : 'exited';
        entry.lastExit = describeExit(exit);
        if (!expected) options.onAppExit?.(spec.name, entry.lastExit, [...tail]);
      });
      await waitForHttp(spec.healthUrl, {
        timeoutMs: options.startTimeoutMs,
        isAlive: () => entry.state === 'starting' && !shuttingDown,
      }).catch(async (/** @type {unknown} */ error) => {
        if (shuttingDown) throw new StackStoppingError();
        if (entry.state === 'starting') await supervisor.stopApp(spec.name);
        throw error;
      });
      if (shuttingDown) throw new StackStoppingError();
      if (entry.state === 'starting') entry.state = 'running';
    },

    async stopApp(name) {
      const entry = apps.get(name);
      if (!entry?.watched || entry.state === 'stopped' || entry.state === 'exited') return;
      entry.state = 'stopping';
      await entry.watched.stop();
      entry.state = 'stopped';
    },

    async restartApp(name) {
      const entry = apps.get(name);
      if (!entry) throw new Error(`unknown app "${name}" (known: ${[...apps.keys()].join(', ')})`);
      await supervisor.stopApp(name);
      await supervisor.startApp(entry.spec);
    },

    status() {
      return [...apps.values()].map((entry) => ({
        name: entry.spec.name,
        state: entry.state,
        port: entry.spec.port,
        ...(entry.watched?.child.pid !== undefined && { pid: entry.watched.child.pid }),
        ...(entry.lastExit !== undefined && { lastExit: entry.lastExit }),
      }));
    },

    async shutdown() {
      shuttingDown = true;
      await Promise.all([
        ...[...steps].map((watched) => watched.stop()),
        ...[...apps.values()].map(async (entry) => {
          if (entry.state === 'starting' || entry.state === 'running') entry.state = 'stopping';
          await entry.watched?.stop();
          entry.state = 'stopped';
        }),
      ]);
    },

    get stopping() {
      return shuttingDown;
    },
  };
  return supervisor;
}

/**
 * @typedef {object} Supervisor
 * @property {(title: string, command: string, args: readonly string[], env: Record<string, string | undefined>, options?: { logName?: string, verbose?: boolean }) => Promise<void>} runStep
 * @property {(spec: AppSpec) => Promise<void>} startApp starts an app and waits for its health check
 * @property {(name: string) => Promise<void>} stopApp
 * @property {(name: string) => Promise<void>} restartApp
 * @property {() => AppStatus[]} status
 * @property {() => Promise<void>} shutdown stops every step and app (idempotent)
 * @property {boolean} stopping
 */
