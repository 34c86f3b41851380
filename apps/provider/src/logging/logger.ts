/**
 * Structured JSON logs with pino, in the format the whole stack uses (apps/api, libs/stack's
 * `format-log-line.mjs`): numeric `level`, epoch `time`, `service`, `msg`, and an `err` serializer
 * that keeps an error's class, message and OAuth code — never a stack or request data.
 *
 * Nothing secret can reach a line: every record passes `redact`, which drops query strings from
 * URLs and masks any field whose name looks like a credential (code, token, secret, password,
 * verifier, assertion, authorization, cookie…) at any depth.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

const SENSITIVE =
  /(code|token|secret|password|verifier|assertion|authorization|cookie|jwt|dpop|pick|csrf|xsrf)/i;
/** Names that match SENSITIVE but never hold a credential: the HTTP status of a response. */
const NOT_SECRET = new Set(['statusCode']);

/**
 * A copy of `value` with credential-like fields masked and query strings dropped.
 *
 * @example
 * redact({ path: '/cb?code=abc', refresh_token: 'rt' }); // { path: '/cb', refresh_token: '[redacted]' }
 */
export function redact(value: unknown, key = ''): unknown {
  if (key && !NOT_SECRET.has(key) && SENSITIVE.test(key) && value !== undefined && value !== null)
    return '[redacted]';
  if (typeof value === 'string')
    return value.includes('?') && /^(\/|https?:)/.test(value) ? value.split('?')[0] : value;
  if (Array.isArray(value)) return value.map((item) => redact(item));
  // Errors go to the `err` serializer, which keeps only class, message and code.
  if (value instanceof Error) return value;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

/** An error as a log field: its class, message and OAuth error code (`invalid_grant`…). */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { error: oauthCode, code } = error as { error?: unknown; code?: unknown };
  return { type: error.name, message: error.message, code: oauthCode ?? code };
}

/**
 * The provider's pino logger (stdout unless a destination is given).
 *
 * @example
 * const logger = createLogger('info');
 * logger.warn({ client_id: 'web', err }, 'grant.error');
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'provider' },
    serializers: { err: serializeError },
    formatters: {
      log: (record: Record<string, unknown>) => redact(record) as Record<string, unknown>,
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
