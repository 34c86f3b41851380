/**
 * Structured JSON logs with pino, in the format the whole stack uses (apps/api, libs/stack's
 * `format-log-line.mjs`): numeric `level`, epoch `time`, `service`, `msg`, and an `err` serializer
 * that keeps an error's class, message and OAuth code — never a stack or request data.
 *
 * Nothing secret can reach a line: every record passes `redact`, which drops query strings from
 * URLs and masks, at any depth, any field whose name has a credential word (code, token, secret,
 * password, verifier, assertion, authorization, cookie…) as one of its segments.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

/**
 * Words that make a field a credential wherever they stand as a whole segment of its name, in any
 * case style (`refresh_token`, `x-refresh-token`, `refreshToken`, `DPoP`), plural too (`tokens`).
 * Segments, not substrings: `decoder` or `passwordless` hold no credential.
 */
const CREDENTIAL_WORDS = new Set([
  'code',
  'token',
  'secret',
  'password',
  'verifier',
  'assertion',
  'authorization',
  'cookie',
  'jwt',
  'dpop',
  'pick',
  'csrf',
  'xsrf',
]);
/**
 * "code" is also the word for a number that reports an outcome: a `code` segment right after one
 * of these (`statusCode`, `status_code`, `exitCode`, `errorCode`) is that number, not an OAuth code.
 * Every other `code` (`code`, `codeVerifier`, `device_code`, `userCode`…) is masked.
 */
const OUTCOME_QUALIFIERS = new Set(['status', 'exit', 'error']);

/** A field name's segments, lower-cased: each run between separators, and its camelCase words. */
function nameSegments(name: string): string[] {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((chunk) => chunk !== '')
    .flatMap((chunk) => {
      const words = chunk.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
      // The whole run counts too, so an acronym camelCase would split (`DPoP`) is still a word.
      return words.length > 1 ? [chunk, ...words] : words;
    })
    .map((segment) => segment.toLowerCase());
}

/** Whether a field called `name` holds a credential, by the segments of its name. */
function isCredentialName(name: string): boolean {
  const segments = nameSegments(name);
  return segments.some((segment, i) => {
    const word = segment.endsWith('s') ? segment.slice(0, -1) : segment;
    if (!CREDENTIAL_WORDS.has(segment) && !CREDENTIAL_WORDS.has(word)) return false;
    return !(word === 'code' && OUTCOME_QUALIFIERS.has(segments[i - 1] ?? ''));
  });
}

/**
 * A copy of `value` with credential-like fields masked and query strings dropped.
 *
 * @example
 * redact({ path: '/cb?code=abc', refresh_token: 'rt' }); // { path: '/cb', refresh_token: '[redacted]' }
 */
export function redact(value: unknown, key = ''): unknown {
  if (key && isCredentialName(key) && value !== undefined && value !== null) return '[redacted]';
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
