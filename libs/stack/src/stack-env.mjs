// The environment each app gets when the stack runs them together: every app learns the others'
// URLs from the ports in use, and they all share one database.
import { portOf, stackApps } from './stack-apps.mjs';

/**
 * @typedef {object} StackEnvOptions
 * @property {string | undefined} databaseUrl unset: the embedded SQLite default
 * @property {{ nextAuthSecret: string, providerAdminToken: string }} secrets
 * @property {Record<string, string | undefined>} [portEnv]
 * @property {Partial<Record<'provider' | 'api' | 'web' | 'mobile', Record<string, string>>>} [extra] per-app additions
 */

/**
 * The base URL of every app for the ports in use.
 *
 * @param {Record<string, string | undefined>} portEnv
 * @returns {{ provider: string, api: string, web: string, mobile: string }}
 * @example
 * stackUrls({}).provider; // 'http://localhost:4000'
 */
export function stackUrls(portEnv) {
  /** @type {Record<string, string>} */
  const urls = {};
  for (const app of stackApps) urls[app.name] = `http://localhost:${portOf(app, portEnv)}`;
  return /** @type {{ provider: string, api: string, web: string, mobile: string }} */ (urls);
}

/**
 * Builds the per-app environment function for {@link import('./start-stack.mjs').startStack}.
 *
 * @param {StackEnvOptions} options
 * @returns {(app: import('./stack-apps.mjs').StackApp) => Record<string, string>}
 * @example
 * const envFor = stackEnv({ databaseUrl: undefined, secrets });
 * envFor(stackApps[1]).OAUTH_AUDIENCE; // 'http://localhost:3333'
 */
export function stackEnv(options) {
  const urls = stackUrls(options.portEnv ?? {});
  /** @type {Record<string, string>} */
  const shared = options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {};
  /** @type {Record<string, Record<string, string>>} */
  const perApp = {
    provider: {
      OAUTH_ISSUER: urls.provider,
      API_RESOURCE: urls.api,
      // The stack is a local demo: it opts in to the quick-login picker and the admin/test API,
      // which the provider keeps off by default (and refuses with an https issuer).
      DEMO_MODE: 'true',
      PROVIDER_ADMIN_API: 'on',
      PROVIDER_ADMIN_TOKEN: options.secrets.providerAdminToken,
      // The seeded clients' redirect and post-logout URIs, and the browser origins allowed to call
      // the token endpoint, follow the web and mobile ports.
      WEB_URL: urls.web,
      MOBILE_URL: urls.mobile,
      CORS_ORIGINS: `${urls.web},${urls.mobile}`,
    },
    api: {
      OAUTH_ISSUER: urls.provider,
      OAUTH_AUDIENCE: urls.api,
      CORS_ORIGINS: `${urls.web},${urls.mobile}`,
    },
    web: {
      OAUTH_ISSUER: urls.provider,
      API_URL: urls.api,
      NEXTAUTH_URL: urls.web,
      NEXTAUTH_SECRET: options.secrets.nextAuthSecret,
      // The attack lab (/lab) creates throw-away users and clients through the admin API.
      PROVIDER_ADMIN_TOKEN: options.secrets.providerAdminToken,
    },
    mobile: {},
  };
  return (app) => ({ ...shared, ...perApp[app.name], ...(options.extra?.[app.name] ?? {}) });
}

/**
 * The environment of the production builds: the mobile web bundle has its issuer and API URL
 * inlined at build time (EXPO_PUBLIC_*), and Nx lists them as inputs of the mobile build, so moving
 * a port rebuilds it.
 *
 * @param {Record<string, string | undefined>} portEnv
 * @returns {Record<string, string>}
 * @example
 * buildEnv({ PROVIDER_PORT: '4100' }).EXPO_PUBLIC_OAUTH_ISSUER; // 'http://localhost:4100'
 */
export function buildEnv(portEnv) {
  const urls = stackUrls(portEnv);
  return { EXPO_PUBLIC_OAUTH_ISSUER: urls.provider, EXPO_PUBLIC_API_URL: urls.api };
}
