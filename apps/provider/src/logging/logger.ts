/**
 * A small JSON-lines logger that cannot leak secrets: every record passes `redact`, which drops query
 * strings from URLs and masks any field whose name looks like a credential (code, token, secret,
 * password, verifier, assertion, authorization, cookie) at any depth.
 */
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

const ORDER: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };
const SENSITIVE =
  /(code|token|secret|password|verifier|assertion|authorization|cookie|jwt|dpop|pick|csrf|xsrf)/i;

export function redact(value: unknown, key = ''): unknown {
  if (key && SENSITIVE.test(key) && value !== undefined && value !== null) return '[redacted]';
  if (typeof value === 'string')
    return value.includes('?') && /^(\/|https?:)/.test(value) ? value.split('?')[0] : value;
  if (Array.isArray(value)) return value.map((item) => redact(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

export type LogSink = (line: string, level: LogLevel) => void;

const defaultSink: LogSink = (line, level) => {
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
};

export function createLogger(level: LogLevel, sink: LogSink = defaultSink): Logger {
  const write =
    (at: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[at] > ORDER[level]) return;
      sink(
        JSON.stringify({
          time: new Date().toISOString(),
          level: at,
          msg: message,
          ...(redact(fields) as object),
        }),
        at,
      );
    };
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}

/** Describes an error for a log line: its class and message, never a stack or request data. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const { error: code } = error as { error?: string };
    return { name: error.name, message: error.message, ...(code ? { error: code } : {}) };
  }
  return { name: typeof error };
}
