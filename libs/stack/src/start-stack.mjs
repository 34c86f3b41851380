// Starts the production builds of the apps as child processes with one readable log stream
// (each line prefixed with its app), waits until each answers its health check, and stops them
// all — process groups included — on stop(), on Ctrl-C, or when one of them dies.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { checkPortFree } from './check-port-free.mjs';
import { portOf, stackApps } from './stack-apps.mjs';
import { waitForHttp } from './wait-for-http.mjs';

/**
 * @typedef {import('./stack-apps.mjs').StackApp} StackApp
 * @typedef {object} RunningStack
 * @property {Record<string, string>} urls base URL of each app
 * @property {() => Promise<void>} stop stops every app (idempotent)
 * @property {(name: StackApp['name']) => Promise<void>} stopApp stops one app
 * @property {(name: StackApp['name']) => Promise<void>} startApp starts one stopped app again
 * @property {Promise<string>} exited resolves with the app name when any app exits unexpectedly
 */

const prefixWidth = Math.max(...stackApps.map((app) => app.name.length));

/**
 * @param {object} options
 * @param {(app: StackApp, port: number) => Record<string, string>} options.envFor the environment of each app
 * @param {readonly StackApp['name'][]} [options.only] start only these apps
 * @param {Record<string, string | undefined>} [options.portEnv] where <APP>_PORT variables are read
 * @param {(line: string) => void} [options.log] where the prefixed log lines go
 * @param {boolean} [options.color]
 * @param {string} options.cwd the workspace root
 * @returns {Promise<RunningStack>}
 * @example
 * const stack = await startStack({ cwd, envFor: (app, port) => ({ PORT: String(port) }) });
 * await stack.stop();
 */
export async function startStack(options) {
  const log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
  const apps = stackApps.filter((app) => !options.only || options.only.includes(app.name));
  const portEnv = options.portEnv ?? process.env;
  for (const app of apps)
    await checkPortFree(portOf(app, portEnv), `${app.name} (${app.portVariable})`);

  /** @type {Map<string, import('node:child_process').ChildProcess>} */
  const children = new Map();
  let stopping = false;
  /** @type {WeakSet<import('node:child_process').ChildProcess>} */
  const purposelyKilled = new WeakSet();
  /** @type {(name: string) => void} */
  let reportExit = () => undefined;
  const exited = new Promise((resolve) => {
    reportExit = resolve;
  });

  /** @param {StackApp} app */
  const launch = (app) => {
    const port = portOf(app, portEnv);
    const child = spawn('npm', ['run', '--silent', 'serve', '-w', app.workspace], {
      cwd: options.cwd,
      env: { ...process.env, ...options.envFor(app, port), PORT: String(port), FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const label = app.name.padEnd(prefixWidth);
    const prefix = options.color ? `\u001b[${app.color}m${label}\u001b[0m │ ` : `${label} │ `;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => log(`${prefix}${line}`));
    }
    child.on('exit', (code, signal) => {
      if (children.get(app.name) === child) children.delete(app.name);
      if (!stopping && !purposelyKilled.has(child)) {
        log(`${prefix}exited (${signal ?? `code ${code}`})`);
        reportExit(app.name);
      }
    });
    children.set(app.name, child);
    return { child, port };
  };

  /** @param {import('node:child_process').ChildProcess} child */
  const terminate = async (child) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    purposelyKilled.add(child);
    const gone = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 10_000);
    await gone;
    clearTimeout(timer);
  };

  /** @type {Record<string, string>} */
  const urls = {};
  /** @param {StackApp} app */
  const startAndWait = async (app) => {
    const { child, port } = launch(app);
    urls[app.name] = `http://localhost:${port}`;
    await waitForHttp(`http://localhost:${port}${app.healthPath}`, {
      isAlive: () => child.exitCode === null && child.signalCode === null,
    });
  };

  const stop = async () => {
    stopping = true;
    await Promise.all([...children.values()].map((child) => terminate(child)));
  };

  try {
    // The provider first: the others discover it at startup.
    const [first, ...rest] = apps;
    if (first) await startAndWait(first);
    await Promise.all(rest.map((app) => startAndWait(app)));
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    urls,
    stop,
    exited,
    async stopApp(name) {
      const child = children.get(name);
      if (child) await terminate(child);
    },
    async startApp(name) {
      const app = apps.find((candidate) => candidate.name === name);
      if (!app) throw new Error(`unknown app ${name}`);
      await startAndWait(app);
    },
  };
}
