// The life of one `npm start`: signal handling from the first line, the set-up steps, the apps
// (the first one alone, the others in parallel), the control socket and the restart keys, and a
// shutdown that stops whatever is running at that moment — then the process exits.
import { mkdirSync, rmSync } from 'node:fs';
import { controlSocketPath, serveControlSocket } from './control-socket.mjs';
import { listenToKeys } from './listen-to-keys.mjs';
import { StackStoppingError, StepFailedError, createSupervisor } from './supervisor.mjs';

/**
 * @typedef {object} StackStep
 * @property {string} title printed before it runs
 * @property {string} command
 * @property {readonly string[]} args
 * @property {Record<string, string | undefined>} env
 * @property {boolean} [verbose] show its output as it runs (otherwise only when it fails)
 * @property {string} [logName] the name its lines carry (default `stack`)
 *
 * @typedef {object} RunStackOptions
 * @property {string} cwd
 * @property {string} dataDir where the control socket and the logs/ folder live
 * @property {() => Promise<readonly StackStep[]> | readonly StackStep[]} steps
 * @property {() => readonly import('./supervisor.mjs').AppSpec[]} apps
 * @property {() => string} banner printed once every app is up
 * @property {(line: string) => void} [print]
 * @property {boolean} [color]
 * @property {NodeJS.ReadStream} [keyboard] a TTY: number keys restart apps
 * @property {number} [graceMs]
 */

/**
 * Runs the stack until a signal, `q`, or `npm run stack -- stop`, then exits the process.
 *
 * @param {RunStackOptions} options
 * @returns {Promise<never>}
 * @example
 * await runStack({ cwd, dataDir, steps: () => [], apps: () => specs, banner: () => 'up' });
 */
export async function runStack(options) {
  const print = options.print ?? ((line) => process.stdout.write(`${line}\n`));
  // A closed terminal (SIGHUP) makes every write fail: that must not crash the shutdown.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const say = (/** @type {string} */ text) => {
    try {
      print(text);
    } catch {
      /* terminal gone */
    }
  };

  /** @type {{ close: () => Promise<void> } | undefined} */
  let control;
  /** @type {(code: number) => void} */
  let finish = () => undefined;
  const finished = new Promise((resolve) => {
    finish = resolve;
  });
  /** @type {string[]} */
  let appNames = [];

  const supervisor = createSupervisor({
    cwd: options.cwd,
    print: say,
    logDir: `${options.dataDir}/logs`,
    color: options.color,
    graceMs: options.graceMs,
    onAppExit: (name, why, lastLines) => {
      const key = appNames.indexOf(name) + 1;
      say(`\n✖ ${name} stopped (${why}). Its last lines:`);
      for (const line of lastLines.slice(-8)) say(`    ${line}`);
      say(
        `  The other apps keep running. Restart it with ${options.keyboard ? `key ${key}, or ` : ''}\`npm run stack -- restart ${name}\`.\n`,
      );
    },
  });

  let stopping = false;
  const shutdown = async (/** @type {string} */ reason, /** @type {number} */ code) => {
    if (stopping) {
      say('▸ still stopping (each app gets a few seconds, then it is killed)…');
      return;
    }
    stopping = true;
    say(`\n▸ ${reason}: stopping every app…`);
    if (options.keyboard?.isTTY) options.keyboard.setRawMode(false);
    options.keyboard?.pause();
    await supervisor.shutdown();
    await control?.close();
    say('▸ stopped.');
    finish(code);
  };
  for (const [signal, label] of /** @type {const} */ ([
    ['SIGINT', 'Ctrl-C'],
    ['SIGTERM', 'SIGTERM'],
    ['SIGHUP', 'SIGHUP (terminal closed)'],
  ])) {
    process.on(signal, () => void shutdown(label, 0));
  }

  const run = async () => {
    control = await serveControlSocket(controlSocketPath(options.dataDir), async (request) => {
      if (request.command === 'status')
        return { ok: true, message: 'running', status: supervisor.status() };
      if (request.command === 'stop' && !request.app) {
        void shutdown('npm run stack -- stop', 0);
        return { ok: true, message: 'stopping every app' };
      }
      const name = request.app ?? '';
      if (!appNames.includes(name))
        return { ok: false, message: `unknown app "${name}" (one of: ${appNames.join(', ')})` };
      if (request.command === 'stop') await supervisor.stopApp(name);
      else if (request.command === 'start' || request.command === 'restart') {
        say(`▸ ${request.command === 'start' ? 'starting' : 'restarting'} ${name}`);
        await supervisor.restartApp(name);
      } else return { ok: false, message: `unknown command "${request.command}"` };
      return { ok: true, message: `${name}: ${request.command} done`, status: supervisor.status() };
    });

    // Each run's logs start empty (once this is the only stack here): .data/logs/<app>.log is
    // this run's, not a growing archive.
    rmSync(`${options.dataDir}/logs`, { recursive: true, force: true });
    mkdirSync(`${options.dataDir}/logs`, { recursive: true });
    for (const step of await options.steps()) {
      say(`\n▸ ${step.title}`);
      await supervisor.runStep(step.title, step.command, step.args, step.env, {
        verbose: step.verbose,
        logName: step.logName,
      });
    }
    const apps = options.apps();
    appNames = apps.map((app) => app.name);
    say(`\n▸ Starting ${appNames.join(', ')}`);
    const [first, ...rest] = apps;
    if (first) await supervisor.startApp(first);
    await Promise.all(rest.map((app) => supervisor.startApp(app)));
    say(options.banner());
    listenToKeys(options.keyboard, appNames, {
      restart: (name) => {
        say(`▸ restarting ${name}`);
        supervisor.restartApp(name).then(
          () => say(`▸ ${name} is up again`),
          (error) => say(`✖ ${name} did not come back: ${error.message}`),
        );
      },
      status: () => {
        for (const app of supervisor.status())
          say(
            `  ${app.name.padEnd(8)} ${app.state.padEnd(8)} :${app.port}${app.lastExit ? `  (last exit: ${app.lastExit})` : ''}`,
          );
      },
      quit: () => void shutdown('Ctrl-C', 0),
    });
  };

  run().catch((/** @type {unknown} */ error) => {
    if (error instanceof StackStoppingError) return;
    say(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof StepFailedError) for (const line of error.lastLines) say(`    ${line}`);
    void shutdown('start-up failed', 1);
  });
  const code = await finished;
  process.exit(code);
}
