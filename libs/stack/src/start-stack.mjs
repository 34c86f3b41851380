// Starts the production builds of the apps under the supervisor (./supervisor.mjs) for programs
// that embed the stack — the e2e suite's global setup — rather than run it in a terminal.
import { checkPortFree } from './check-port-free.mjs';
import { appSpecOf, portOf, stackApps } from './stack-apps.mjs';
import { createSupervisor } from './supervisor.mjs';

/**
 * @typedef {import('./stack-apps.mjs').StackApp} StackApp
 * @typedef {object} RunningStack
 * @property {Record<string, string>} urls base URL of each app
 * @property {() => Promise<void>} stop stops every app (idempotent)
 * @property {(name: StackApp['name']) => Promise<void>} stopApp stops one app
 * @property {(name: StackApp['name']) => Promise<void>} startApp starts one stopped app again
 * @property {Promise<string>} exited resolves with the app name when any app exits unexpectedly
 */

/**
 * @param {object} options
 * @param {(app: StackApp, port: number) => Record<string, string>} options.envFor the environment of each app
 * @param {readonly StackApp['name'][]} [options.only] start only these apps
 * @param {Record<string, string | undefined>} [options.portEnv] where <APP>_PORT variables are read
 * @param {(line: string) => void} [options.log] where the log lines go (`<app> │ time LEVEL msg`)
 * @param {string} [options.logDir] where `<app>.log` JSON lines go
 * @param {boolean} [options.color]
 * @param {string} options.cwd the workspace root
 * @returns {Promise<RunningStack>}
 * @example
 * const stack = await startStack({ cwd, envFor: (app, port) => ({ PORT: String(port) }) });
 * await stack.stop();
 */
export async function startStack(options) {
  const apps = stackApps.filter((app) => !options.only || options.only.includes(app.name));
  const portEnv = options.portEnv ?? process.env;
  for (const app of apps)
    await checkPortFree(portOf(app, portEnv), `${app.name} (${app.portVariable})`);

  /** @type {(name: string) => void} */
  let reportExit = () => undefined;
  /** @type {Promise<string>} */
  const exited = new Promise((resolve) => {
    reportExit = resolve;
  });
  const supervisor = createSupervisor({
    cwd: options.cwd,
    print: options.log ?? ((line) => process.stdout.write(`${line}\n`)),
    logDir: options.logDir,
    color: options.color,
    onAppExit: (name) => reportExit(name),
  });
  const specs = apps.map((app) => {
    const port = portOf(app, portEnv);
    return appSpecOf(app, port, { ...process.env, ...options.envFor(app, port) });
  });
  /** @type {Record<string, string>} */
  const urls = {};
  for (const spec of specs) urls[spec.name] = `http://localhost:${spec.port}`;

  try {
    // The provider first: the others discover it at startup.
    const [first, ...rest] = specs;
    if (first) await supervisor.startApp(first);
    await Promise.all(rest.map((spec) => supervisor.startApp(spec)));
  } catch (error) {
    await supervisor.shutdown();
    throw error;
  }

  return {
    urls,
    exited,
    stop: () => supervisor.shutdown(),
    stopApp: (name) => supervisor.stopApp(name),
    startApp: (name) => supervisor.restartApp(name),
  };
}
