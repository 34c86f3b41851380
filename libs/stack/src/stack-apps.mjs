// The four apps of the demo, how each is served in production, and how to tell it is up.
// Each app reads its own PORT; the stack passes <APP>_PORT through to it.

/**
 * @typedef {object} StackApp
 * @property {'provider' | 'api' | 'web' | 'mobile'} name
 * @property {string} workspace npm workspace that has a `serve` script
 * @property {number} defaultPort
 * @property {string} portVariable the variable that moves it
 * @property {string} healthPath
 * @property {number} color ANSI colour of its log prefix
 */

/** @type {readonly StackApp[]} */
export const stackApps = Object.freeze([
  {
    name: 'provider',
    workspace: '@oauth-ref/provider',
    defaultPort: 4000,
    portVariable: 'PROVIDER_PORT',
    healthPath: '/health',
    color: 35,
  },
  {
    name: 'api',
    workspace: '@oauth-ref/api',
    defaultPort: 3333,
    portVariable: 'API_PORT',
    healthPath: '/health',
    color: 36,
  },
  {
    name: 'web',
    workspace: '@oauth-ref/web',
    defaultPort: 3000,
    portVariable: 'WEB_PORT',
    healthPath: '/',
    color: 32,
  },
  {
    name: 'mobile',
    workspace: '@oauth-ref/mobile',
    defaultPort: 8081,
    portVariable: 'MOBILE_PORT',
    healthPath: '/',
    color: 33,
  },
]);

/**
 * The port an app listens on, from its <APP>_PORT variable or its default.
 *
 * @param {StackApp} app
 * @param {Record<string, string | undefined>} env
 * @returns {number}
 * @example
 * portOf(stackApps[0], { PROVIDER_PORT: '4100' }); // 4100
 */
export function portOf(app, env) {
  const raw = env[app.portVariable];
  if (raw === undefined || raw === '') return app.defaultPort;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${app.portVariable}=${raw} is not a TCP port (1-65535)`);
  }
  return port;
}

/**
 * How the supervisor runs an app: its production `serve` script, on `port`, healthy when
 * `healthPath` answers.
 *
 * @param {StackApp} app
 * @param {number} port
 * @param {Record<string, string | undefined>} env the app's whole environment
 * @returns {import('./supervisor.mjs').AppSpec}
 * @example
 * appSpecOf(stackApps[1], 3333, process.env).healthUrl; // 'http://localhost:3333/health'
 */
export function appSpecOf(app, port, env) {
  return {
    name: app.name,
    command: 'npm',
    args: ['run', '--silent', 'serve', '-w', app.workspace],
    env: { ...env, PORT: String(port), FORCE_COLOR: '0' },
    port,
    healthUrl: `http://localhost:${port}${app.healthPath}`,
    color: app.color,
  };
}
