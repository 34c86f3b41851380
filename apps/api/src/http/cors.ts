/**
 * CORS for a bearer-token API (Fetch standard, "CORS protocol"): only the configured web and
 * mobile origins may read responses; no credentials (tokens travel in `Authorization`, never in
 * cookies); browsers may send `Authorization`, `Content-Type` and `DPoP` (RFC 9449 proofs) and read `WWW-Authenticate` and
 * `Retry-After`. Origins are compared exactly (scheme, host and port; no patterns, no `null`).
 *
 * One decision function, used by the Fastify `onRequest` hook and the Express middleware. Most of
 * this API's traffic carries no `Origin` (the web app calls it from its server), so that case
 * costs one header read and allocates nothing; every header set is a precomputed constant.
 */

export const CORS_ALLOWED_METHODS = 'GET, POST, PATCH, DELETE';
export const CORS_ALLOWED_HEADERS = 'Authorization, Content-Type, DPoP';
export const CORS_EXPOSED_HEADERS = 'WWW-Authenticate, Retry-After';
export const CORS_MAX_AGE_SECONDS = 600;

/** Every response varies by `Origin` (an allowed origin gets it echoed back), even without CORS. */
const VARY = Object.freeze({ Vary: 'Origin' });

export interface CorsDecision {
  /** Headers to add to the response (always at least `Vary: Origin`). */
  readonly headers: Readonly<Record<string, string>>;
  /** A preflight: answer `204` now, before routing and authentication. */
  readonly preflight: boolean;
}

const NOT_CORS: CorsDecision = Object.freeze({ headers: VARY, preflight: false });
const REFUSED_PREFLIGHT: CorsDecision = Object.freeze({ headers: VARY, preflight: true });

export interface CorsPolicy {
  /**
   * The CORS decision for a request: its `Origin`, method and `Access-Control-Request-Method`.
   *
   * @example
   * policy.decide('http://localhost:3000', 'GET', undefined).headers['Access-Control-Allow-Origin']; // 'http://localhost:3000'
   */
  decide(
    origin: string | undefined,
    method: string | undefined,
    requestMethod: string | undefined,
  ): CorsDecision;
}

/**
 * Builds the policy for an allowlist of origins (e.g. `http://localhost:3000`).
 *
 * @example
 * const policy = createCorsPolicy(['http://localhost:3000', 'http://localhost:8081']);
 * policy.decide(undefined, 'GET', undefined).preflight; // false: not a CORS request
 * policy.decide('http://evil.example', 'OPTIONS', 'GET').headers; // { Vary: 'Origin' }: no ACAO
 */
export function createCorsPolicy(origins: readonly string[]): CorsPolicy {
  const allowed = new Map<string, { simple: CorsDecision; preflight: CorsDecision }>();
  for (const origin of origins) {
    const simpleHeaders = Object.freeze({
      ...VARY,
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS,
    });
    allowed.set(origin, {
      simple: Object.freeze({ headers: simpleHeaders, preflight: false }),
      preflight: Object.freeze({
        headers: Object.freeze({
          ...VARY,
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS,
          'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS,
          'Access-Control-Max-Age': String(CORS_MAX_AGE_SECONDS),
        }),
        preflight: true,
      }),
    });
  }
  return {
    decide(origin, method, requestMethod) {
      if (origin === undefined) return NOT_CORS;
      const isPreflight = method === 'OPTIONS' && requestMethod !== undefined;
      const entry = allowed.get(origin);
      if (entry === undefined) return isPreflight ? REFUSED_PREFLIGHT : NOT_CORS;
      return isPreflight ? entry.preflight : entry.simple;
    },
  };
}
