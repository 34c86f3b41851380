/**
 * The one module of the web app that reads `process.env`. Everything else imports `config`.
 * Empty strings count as unset, so `.env` files may leave a variable blank to take its default —
 * except OAUTH_RESOURCE, where the empty string means "send no `resource` parameter".
 */
import { parseWebConfig, type WebConfig } from './config-schema';

/** Variables whose empty value means something (see .env.example). */
const EMPTY_IS_A_VALUE = new Set(['OAUTH_RESOURCE']);

function readEnvironment(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).map(([key, value]) => [
      key,
      value === '' && !EMPTY_IS_A_VALUE.has(key) ? undefined : value,
    ]),
  );
}

export const config: WebConfig = parseWebConfig(readEnvironment());
export type { WebConfig } from './config-schema';

// next-auth v4 reads NEXTAUTH_URL from the environment on its own; hand it the validated value so
// both always agree (and the documented default applies when the variable is unset).
process.env.NEXTAUTH_URL = config.baseUrl;
