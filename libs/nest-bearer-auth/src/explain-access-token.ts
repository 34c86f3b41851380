/**
 * The verification pipeline, explained: each check the API runs on an access token, run on its
 * own with the lib's own step functions, marked pass / fail / skipped with the reason — then the
 * whole pipeline (`verifyAccessToken`) for the verdict the API would give. For teaching screens
 * (the web app's inspector); the API itself only ever runs `verifyAccessToken`.
 *
 * Where the API stops at the first refusal, this runs every check it can, so a learner sees all
 * that is wrong at once. Claim checks that need a verified payload are skipped when the signature
 * does not verify: unverified claims prove nothing.
 */
import { compactVerify, decodeProtectedHeader, type ProtectedHeaderParameters } from 'jose';
import type { ResolvedBearerAuthOptions } from './bearer-auth-options.js';
import { checkSenderConstraint } from './check-sender-constraint.js';
import { checkTokenAudience } from './check-token-audience.js';
import { checkTokenExpiry } from './check-token-expiry.js';
import { checkTokenIssuer } from './check-token-issuer.js';
import { checkTokenType } from './check-token-type.js';
import { InvalidTokenError } from './errors/bearer-auth-error.js';
import type { JwksClient } from './jwks-client.js';
import { mapVerificationError } from './map-verification-error.js';
import { verifyAccessToken } from './verify-access-token.js';

/** The checks, in the order they are shown. */
export type ExplainedCheckId = 'signature' | 'iss' | 'aud' | 'exp' | 'typ' | 'cnf';

/**
 * One check's outcome. `code` is the stable error code of the lib (as in the API's 401 body).
 *
 * @example
 * const check: ExplainedCheck = { id: 'aud', rule: 'RFC 9068 §4, RFC 8707', outcome: 'pass', reason: 'aud contains http://localhost:3333' };
 */
export interface ExplainedCheck {
  readonly id: ExplainedCheckId;
  readonly rule: string;
  readonly outcome: 'pass' | 'fail' | 'skipped';
  readonly reason: string;
  readonly code?: string;
}

/**
 * Every check, and what the API's whole pipeline says about the token.
 *
 * @example
 * explanation.verdict.accepted ? 'the API accepts it' : `refused: ${explanation.verdict.code}`;
 */
export interface AccessTokenExplanation {
  readonly checks: readonly ExplainedCheck[];
  readonly verdict: {
    readonly accepted: boolean;
    readonly reason: string;
    readonly code?: string;
  };
}

/**
 * The request the token is shown with (the sender-constraint check needs the method and path).
 *
 * @example
 * const request: ExplainRequest = { method: 'GET', path: '/notes' };
 */
export interface ExplainRequest {
  readonly method: string;
  readonly path: string;
}

const RULES: Readonly<Record<ExplainedCheckId, string>> = {
  signature: 'RFC 7515 §5.2, RFC 8725 §3.1',
  iss: 'RFC 9068 §4, RFC 8725 §3.8',
  aud: 'RFC 9068 §4, RFC 8707',
  exp: 'RFC 7519 §4.1.4',
  typ: 'RFC 9068 §2.1, §4',
  cnf: 'RFC 9449 §6.1, §7.1',
};

const pass = (id: ExplainedCheckId, reason: string): ExplainedCheck => ({
  id,
  rule: RULES[id],
  outcome: 'pass',
  reason,
});

function fail(id: ExplainedCheckId, error: unknown): ExplainedCheck {
  const mapped = mapVerificationError(error);
  return { id, rule: RULES[id], outcome: 'fail', reason: mapped.message, code: mapped.code };
}

const skipped = (id: ExplainedCheckId): ExplainedCheck => ({
  id,
  rule: RULES[id],
  outcome: 'skipped',
  reason: 'Not checked: the signature did not verify, so no claim can be trusted.',
});

async function checkSignature(
  token: string,
  header: ProtectedHeaderParameters | undefined,
  options: ResolvedBearerAuthOptions,
  jwks: JwksClient,
): Promise<{ check: ExplainedCheck; claims?: Record<string, unknown> }> {
  try {
    if (header === undefined)
      throw new InvalidTokenError('token_malformed', 'The access token is not a signed JWT');
    const alg = header.alg;
    if (typeof alg !== 'string' || !(options.algorithms as readonly string[]).includes(alg)) {
      throw new InvalidTokenError(
        'algorithm_not_allowed',
        'The token is signed with an algorithm this API does not accept',
      );
    }
    const key = await jwks.getKey(header.kid, alg);
    const { payload } = await compactVerify(token, key, { algorithms: [...options.algorithms] });
    const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    const source = jwks.status().jwksUri ?? `the JWKS of ${options.issuer}`;
    return {
      check: pass(
        'signature',
        `${alg} signature verified with key ${header.kid ?? '(no kid)'} from ${source}`,
      ),
      claims,
    };
  } catch (error) {
    return { check: fail('signature', error) };
  }
}

function run(id: ExplainedCheckId, check: () => string): ExplainedCheck {
  try {
    return pass(id, check());
  } catch (error) {
    return fail(id, error);
  }
}

function readExpiry(claims: Record<string, unknown>): number {
  const exp = claims['exp'];
  if (exp === undefined) throw new InvalidTokenError('claim_missing', 'The token has no exp claim');
  if (typeof exp !== 'number' || !Number.isFinite(exp))
    throw new InvalidTokenError('claim_invalid', 'The exp claim must be a number');
  return exp;
}

function decodeHeader(token: string): ProtectedHeaderParameters | undefined {
  try {
    return decodeProtectedHeader(token);
  } catch {
    return undefined;
  }
}

/**
 * Runs each check on `token` as the API would receive it (`Authorization: Bearer <token>` on
 * `request`), then the whole pipeline for the verdict.
 *
 * @example
 * const explanation = await explainAccessToken(token, resolveBearerAuthOptions({ issuer, audience }), jwks);
 * explanation.checks.map((check) => `${check.id}: ${check.outcome}`); // ['signature: pass', 'iss: pass', …]
 */
export async function explainAccessToken(
  token: string,
  options: ResolvedBearerAuthOptions,
  jwks: JwksClient,
  request: ExplainRequest = { method: 'GET', path: '/' },
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<AccessTokenExplanation> {
  const header = decodeHeader(token);
  const signature = await checkSignature(token, header, options, jwks);
  const claims = signature.claims;
  const checks: ExplainedCheck[] = [
    signature.check,
    run('iss', () => {
      checkTokenIssuer(token, options.issuer);
      return `iss is exactly ${options.issuer}`;
    }),
    claims === undefined
      ? skipped('aud')
      : run('aud', () => {
          checkTokenAudience(claims, options.audience);
          return `aud ${JSON.stringify(claims['aud'])} contains this API, ${options.audience}`;
        }),
    claims === undefined
      ? skipped('exp')
      : run('exp', () => {
          const exp = readExpiry(claims);
          checkTokenExpiry(exp, options.clockToleranceSeconds, nowSeconds);
          return `expires ${new Date(exp * 1000).toISOString()}, in ${exp - nowSeconds} s (leeway ${options.clockToleranceSeconds} s)`;
        }),
    run('typ', () => {
      checkTokenType(header?.typ, options.tokenProfile);
      return `typ is ${String(header?.typ)}: a JWT access token, not an ID token`;
    }),
  ];
  checks.push(
    claims === undefined
      ? skipped('cnf')
      : await (async () =>
          checkSenderConstraint(
            { scheme: 'Bearer', token, proof: undefined },
            claims,
            request,
            options,
          ))().then(
          () =>
            pass(
              'cnf',
              'No cnf claim: a bearer token, accepted with the Bearer scheme (DPoP-bound tokens need the DPoP scheme and a proof)',
            ),
          (error: unknown) => fail('cnf', error),
        ),
  );
  const verdict = await verifyAccessToken(
    { headers: { authorization: `Bearer ${token}` }, method: request.method, url: request.path },
    options,
    jwks,
  ).then(
    (principal) => ({
      accepted: true,
      reason: `The API accepts it: subject ${principal.subject}, client ${principal.clientId ?? '—'}, scopes ${principal.scopes.join(' ') || '(none)'}`,
    }),
    (error: unknown) => {
      const mapped = mapVerificationError(error);
      return { accepted: false, reason: mapped.message, code: mapped.code };
    },
  );
  return { checks, verdict };
}
