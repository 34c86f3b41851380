/**
 * Reads a server's answer to an attack: status, OAuth error (from the JSON body or the
 * `WWW-Authenticate` challenge, RFC 6750 §3) and the outcome it means.
 */
import {
  labAttackCatalogue,
  type LabAttackId,
  type LabAttackResult,
  type LabOutcome,
} from './lab-attack.js';

export interface AttackAnswer {
  readonly status: number;
  readonly error: string | undefined;
  readonly errorDescription: string | undefined;
  readonly wwwAuthenticate: string | undefined;
}

/**
 * Reads status, error and challenge from a Response (the body is read from a clone).
 *
 * @example
 * const answer = await readAttackAnswer(await fetch(url)); // { status: 401, error: 'invalid_token', … }
 */
export async function readAttackAnswer(response: Response): Promise<AttackAnswer> {
  const wwwAuthenticate = response.headers.get('www-authenticate') ?? undefined;
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await response.clone().text());
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: the challenge header is all there is
  }
  const fromChallenge = (name: string) =>
    wwwAuthenticate?.match(new RegExp(`${name}="([^"]*)"`))?.[1];
  const text = (name: string) =>
    typeof body[name] === 'string' ? (body[name] as string) : undefined;
  return {
    status: response.status,
    error: text('error') ?? fromChallenge('error'),
    errorDescription: text('error_description') ?? fromChallenge('error_description'),
    wwwAuthenticate,
  };
}

/**
 * The outcome an answer means for an attack: the expected refusal, an acceptance, or neither.
 * A `use_dpop_nonce` answer is not a refusal of the attack (the server only asked for a nonce).
 *
 * @example
 * outcomeOf('proof-replay', { status: 401, error: 'invalid_dpop_proof', … }); // 'refused'
 */
export function outcomeOf(id: LabAttackId, answer: AttackAnswer): LabOutcome {
  if (answer.status >= 200 && answer.status < 300) return 'accepted';
  if (answer.error === 'use_dpop_nonce') return 'error';
  return answer.status === labAttackCatalogue[id].refusedWith ? 'refused' : 'error';
}

/**
 * Builds the result of an attack from its answer.
 *
 * @example
 * labResult('access-token-as-bearer', ['GET /me', 'Authorization: Bearer eyJh…'], answer, 'why');
 */
export function labResult(
  id: LabAttackId,
  sent: readonly string[],
  answer: AttackAnswer,
  detail: string,
): LabAttackResult {
  const { title, rule } = labAttackCatalogue[id];
  return { id, title, rule, sent, ...answer, outcome: outcomeOf(id, answer), detail };
}

/**
 * The result of an attack that could not be sent or answered (no HTTP answer, missing input).
 *
 * @example
 * labError('code-replay', 'There is no authorization code from this tab’s sign-in.');
 */
export function labError(
  id: LabAttackId,
  detail: string,
  sent: readonly string[] = [],
): LabAttackResult {
  const { title, rule } = labAttackCatalogue[id];
  return {
    id,
    title,
    rule,
    sent,
    status: undefined,
    error: undefined,
    errorDescription: undefined,
    wwwAuthenticate: undefined,
    outcome: 'error',
    detail,
  };
}
