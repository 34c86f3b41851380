/**
 * Structured security events on stderr, one JSON line each. Values are scrubbed before writing:
 * keys that name secrets are dropped and anything shaped like a token (JWT or a long opaque
 * base64url string) is replaced, so a log line can never carry a token, a code or a verifier.
 */
export type SecurityEventName =
  | 'signin.started'
  | 'signin.succeeded'
  | 'signin.failed'
  | 'callback.rejected'
  | 'callback.access_denied'
  | 'redirect.blocked'
  | 'refresh.succeeded'
  | 'refresh.rejected'
  | 'refresh.failed'
  | 'logout'
  | 'logout.revocation_failed'
  | 'logout.csrf_blocked'
  | 'logout.flow_event_failed'
  | 'api.unauthorized'
  | 'provider.unavailable';

const SECRET_KEY = /token|code|verifier|secret|password|assertion|cookie|authorization/i;
const JWT_SHAPE = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const OPAQUE_SHAPE = /\b[A-Za-z0-9_-]{32,}\b/g;

/** Replaces token-shaped substrings. */
export function scrubText(text: string): string {
  return text.replace(JWT_SHAPE, '[jwt redacted]').replace(OPAQUE_SHAPE, '[redacted]');
}

/**
 * Returns a copy of `value` safe to log.
 *
 * @example
 * scrub({ code: 'abc', reason: 'state mismatch' }); // { code: '[redacted]', reason: 'state mismatch' }
 */
export function scrub(value: unknown, depth = 0): unknown {
  if (depth > 4) return '[depth]';
  if (typeof value === 'string') return scrubText(value);
  if (value instanceof Error) return { name: value.name, message: scrubText(value.message) };
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        SECRET_KEY.test(key) && !/^(error|reason|code_challenge_method)$/i.test(key)
          ? '[redacted]'
          : scrub(item, depth + 1),
      ]),
    );
  }
  return value;
}

export type SecurityLogSink = (line: string) => void;
let sink: SecurityLogSink = (line) => console.warn(line);

/** For tests. */
export function setSecurityLogSink(next: SecurityLogSink): SecurityLogSink {
  const previous = sink;
  sink = next;
  return previous;
}

export function logSecurityEvent(
  event: SecurityEventName,
  fields: Record<string, unknown> = {},
): void {
  sink(
    JSON.stringify({
      at: new Date().toISOString(),
      kind: 'security',
      app: 'web',
      event,
      ...(scrub(fields) as object),
    }),
  );
}
