/**
 * The lab's raw requests: sent as an attacker would, then read with {@link readAttackAnswer}.
 * A token endpoint request signed with a DPoP key is retried once when the provider asks for a
 * nonce (RFC 9449 §8), as any client would; the retry carries the nonce oauth4webapi cached.
 */
import * as oauth from 'oauth4webapi';
import { type AttackAnswer, readAttackAnswer } from './read-answer.js';
import type { LabTarget } from './lab-target.js';

/** oauth4webapi request options: http:// allowed for local demos, the target's fetch, a DPoP key. */
export function requestOptions(target: LabTarget, dpop: oauth.DPoPHandle) {
  return {
    [oauth.allowInsecureRequests]: target.allowInsecureHttp,
    // fetch accepts every body oauth4webapi passes; the typings merely disagree.
    [oauth.customFetch]: target.fetch as never,
    DPoP: dpop,
  };
}

/** Sends a request with plain fetch (no oauth4webapi, so nothing is added to it). */
export async function sendRaw(
  target: LabTarget,
  url: URL,
  init: RequestInit,
): Promise<AttackAnswer> {
  return readAttackAnswer(await target.fetch(url.href, init));
}

/** Sends a token request; retries once on `use_dpop_nonce`. */
export async function sendTokenRequest(operation: () => Promise<Response>): Promise<AttackAnswer> {
  return (await sendTokenRequestKeepingBody(operation)).answer;
}

/** As {@link sendTokenRequest}, also returning the JSON body (for a legitimate rotation). */
export async function sendTokenRequestKeepingBody(
  operation: () => Promise<Response>,
): Promise<{ answer: AttackAnswer; body: Record<string, unknown> }> {
  let response = await operation();
  let answer = await readAttackAnswer(response);
  if (answer.error === 'use_dpop_nonce') {
    response = await operation();
    answer = await readAttackAnswer(response);
  }
  // a token endpoint answers with a JSON object (RFC 6749 §5.1, §5.2)
  const body = (await response.json()) as Record<string, unknown>;
  return { answer, body };
}
