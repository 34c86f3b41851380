/**
 * Why a benchmark operation failed, kept short and free of secrets: the step, the HTTP status and
 * the OAuth `error` / `error_description` (or a short excerpt of the page). A count of failures
 * alone cannot tell a refused login from a reset connection; these lines can, without ever
 * printing a token, code, password or CSRF value.
 */

/** How many distinct reasons a run keeps; later distinct ones are only counted. */
export const KEPT_REASONS = 5;
const EXCERPT_CHARS = 160;

/** Parameters whose values are secrets or bearer material, wherever they appear in a text. */
const SECRET_NAMES =
  'access_token|refresh_token|id_token|code|code_verifier|client_secret|password|csrf|dpop|state|nonce';
const SECRET_PARAMETER = new RegExp(
  `((?:^|[?&\\s"'{,])(?:${SECRET_NAMES})["']?\\s*[=:]\\s*["']?)[^&\\s"',}]*`,
  'gi',
);
const SECRET_HIDDEN_FIELD = new RegExp(
  `(name="(?:${SECRET_NAMES})"[^>]*value=")[^"]*|(value=")[^"]*("[^>]*name="(?:${SECRET_NAMES})")`,
  'gi',
);
/** Anything that looks like a token, key or code (long base64url runs, JWTs). */
const TOKEN_LIKE = /[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_-]+)*/g;

/** `text` with secrets masked, markup dropped and whitespace collapsed, cut to a short excerpt. */
export function redact(text: string): string {
  const masked = text
    .replace(SECRET_HIDDEN_FIELD, (_match, a?: string, b?: string, c?: string) =>
      a ? `${a}…` : `${b}…${c}`,
    )
    .replace(/<(?:script|style)[\s\S]*?<\/(?:script|style)>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(SECRET_PARAMETER, '$1…')
    .replace(TOKEN_LIKE, '…')
    .replace(/\s+/g, ' ')
    .trim();
  return masked.length > EXCERPT_CHARS ? `${masked.slice(0, EXCERPT_CHARS)}…` : masked;
}

/** One failure: `step (status): error: description`, or the excerpt when there is no `error`. */
export function failureReason(
  step: string,
  status: number | undefined,
  body: Record<string, unknown> | string | undefined,
): string {
  const where = status === undefined ? step : `${step} (${status})`;
  if (body === undefined) return where;
  if (typeof body === 'string') return `${where}: ${redact(body)}`;
  const error = typeof body['error'] === 'string' ? body['error'] : undefined;
  const description =
    typeof body['error_description'] === 'string' ? body['error_description'] : undefined;
  if (error) return `${where}: ${redact(description ? `${error}: ${description}` : error)}`;
  return `${where}: ${redact(`fields ${Object.keys(body).join(', ')}`)}`;
}

/** The reason of an exception thrown by a step (a refused page, a reset connection, …). */
export function exceptionReason(step: string, error: unknown): string {
  if (!(error instanceof Error)) return failureReason(step, undefined, String(error));
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return failureReason(step, undefined, `${error.message}${cause}`);
}

/** A distinct failure reason and how many failures gave it. */
export interface FailureCount {
  readonly reason: string;
  readonly count: number;
}

/** The first `limit` distinct reasons of a run, each with its count; the rest are `others`. */
export class FailureLog {
  private readonly counts = new Map<string, number>();
  private othersCount = 0;

  constructor(private readonly limit = KEPT_REASONS) {}

  record(reason: string): void {
    const count = this.counts.get(reason);
    if (count !== undefined) this.counts.set(reason, count + 1);
    else if (this.counts.size < this.limit) this.counts.set(reason, 1);
    else this.othersCount += 1;
  }

  get reasons(): FailureCount[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count }));
  }

  /** Failures whose reason came after the first `limit` distinct ones. */
  get others(): number {
    return this.othersCount;
  }
}

/** Merges the reasons of several runs (rounds), keeping the first `limit` distinct ones. */
export function mergeFailures(
  runs: readonly { readonly reasons: readonly FailureCount[]; readonly others: number }[],
  limit = KEPT_REASONS,
): { reasons: FailureCount[]; others: number } {
  const counts = new Map<string, number>();
  let others = 0;
  for (const run of runs) {
    others += run.others;
    for (const { reason, count } of run.reasons) {
      const known = counts.get(reason);
      if (known !== undefined) counts.set(reason, known + count);
      else if (counts.size < limit) counts.set(reason, count);
      else others += count;
    }
  }
  return { reasons: [...counts].map(([reason, count]) => ({ reason, count })), others };
}
