/**
 * Attacks on the API with the session's own tokens (RFC 9449 sender constraint, RFC 9068 token
 * type). None of them spends or changes anything: the session keeps working.
 */
import * as oauth from 'oauth4webapi';
import { recordDpopProofs } from '../dpop/record-dpop-proofs.js';
import { generateDpopKeyPair } from '../dpop/generate-dpop-key-pair.js';
import { isNetworkFailure } from '../errors/is-network-failure.js';
import { decodeJwtForDisplay } from '../redaction/decode-jwt-for-display.js';
import { maskSecret } from '../redaction/mask-secret.js';
import type { LabAttackId, LabAttackResult } from './lab-attack.js';
import type { LabSession, LabTarget } from './lab-target.js';
import { type AttackAnswer, labError, labResult, readAttackAnswer } from './read-answer.js';
import { requestOptions, sendRaw } from './send.js';

const probe = (target: LabTarget) => new URL(`${target.apiUrl}/me`);

async function guarded(
  id: LabAttackId,
  attack: () => Promise<LabAttackResult>,
): Promise<LabAttackResult> {
  try {
    return await attack();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return labError(
      id,
      isNetworkFailure(error)
        ? `No answer from the server (down, unreachable or CORS): ${message}`
        : message,
    );
  }
}

/** Sends the token through oauth4webapi with a DPoP handle: the proof is made for this request. */
async function sendWithProof(
  target: LabTarget,
  token: string,
  dpop: oauth.DPoPHandle,
): Promise<{ answer: AttackAnswer; proofs: string[] }> {
  const recorder = recordDpopProofs(target.fetch);
  const send = () =>
    oauth
      .protectedResourceRequest(token, 'GET', probe(target), new Headers(), null, {
        ...requestOptions({ ...target, fetch: recorder.fetch }, dpop),
      })
      .catch((error: unknown) => {
        // a refusal with a challenge is an answer, not a failure
        if (error instanceof oauth.WWWAuthenticateChallengeError) return error.response;
        throw error;
      });
  let response = await send();
  // RFC 9449 §9: the API asked for a nonce; the handle cached it, so one retry is honest.
  if ((await readAttackAnswer(response)).error === 'use_dpop_nonce') response = await send();
  return { answer: await readAttackAnswer(response), proofs: recorder.take().map((p) => p.proof) };
}

/**
 * A DPoP-bound access token sent as `Authorization: Bearer` (what a thief with a copy would try).
 *
 * @example
 * const result = await sendAccessTokenAsBearer(target, session); // result.outcome === 'refused'
 */
export function sendAccessTokenAsBearer(
  target: LabTarget,
  session: LabSession,
): Promise<LabAttackResult> {
  return guarded('access-token-as-bearer', async () => {
    const answer = await sendRaw(target, probe(target), {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    return labResult(
      'access-token-as-bearer',
      [`GET ${probe(target).href}`, `Authorization: Bearer ${maskSecret(session.accessToken, 8)}`],
      answer,
      'The token names its key (cnf.jkt); without the DPoP scheme and a proof from that key, a copy is worthless.',
    );
  });
}

/**
 * The access token with the DPoP scheme but no `DPoP` proof header.
 *
 * @example
 * await sendAccessTokenWithoutProof(target, session); // refused: 401
 */
export function sendAccessTokenWithoutProof(
  target: LabTarget,
  session: LabSession,
): Promise<LabAttackResult> {
  return guarded('access-token-without-proof', async () => {
    const answer = await sendRaw(target, probe(target), {
      headers: { authorization: `DPoP ${session.accessToken}` },
    });
    return labResult(
      'access-token-without-proof',
      [
        `GET ${probe(target).href}`,
        `Authorization: DPoP ${maskSecret(session.accessToken, 8)}`,
        '(no DPoP header)',
      ],
      answer,
      'Only the key holder can make a proof, so a request without one is refused.',
    );
  });
}

/**
 * The access token with a well-formed proof signed by a key the attacker made.
 *
 * @example
 * await sendProofFromAnotherKey(target, session); // refused: the thumbprint is not cnf.jkt
 */
export function sendProofFromAnotherKey(
  target: LabTarget,
  session: LabSession,
): Promise<LabAttackResult> {
  return guarded('proof-from-another-key', async () => {
    const keyPair = await (target.attackerKey ?? generateDpopKeyPair)();
    const attacker = oauth.DPoP({}, keyPair);
    const { answer } = await sendWithProof(target, session.accessToken, attacker);
    return labResult(
      'proof-from-another-key',
      [
        `GET ${probe(target).href}`,
        `Authorization: DPoP ${maskSecret(session.accessToken, 8)}`,
        `DPoP: proof signed by the attacker's key (thumbprint ${await attacker.calculateThumbprint()})`,
      ],
      answer,
      'The proof is valid, but its key is not the one the token is bound to.',
    );
  });
}

/**
 * Makes one legitimate call, then sends its exact proof again.
 *
 * @example
 * await replayProof(target, session); // first call 200, replay refused
 */
export function replayProof(target: LabTarget, session: LabSession): Promise<LabAttackResult> {
  return guarded('proof-replay', async () => {
    const legitimate = await sendWithProof(target, session.accessToken, target.dpop);
    const proof = legitimate.proofs.at(-1);
    if (legitimate.answer.status !== 200 || !proof) {
      return labError(
        'proof-replay',
        `The legitimate call that makes the proof did not succeed (status ${legitimate.answer.status}), so there is nothing to replay.`,
      );
    }
    const decoded = decodeJwtForDisplay(proof);
    const jti = decoded.kind === 'jwt' ? String(decoded.payload['jti']) : 'unknown';
    const answer = await sendRaw(target, probe(target), {
      headers: { authorization: `DPoP ${session.accessToken}`, dpop: proof },
    });
    return labResult(
      'proof-replay',
      [
        `GET ${probe(target).href} (the same request, a second time)`,
        `Authorization: DPoP ${maskSecret(session.accessToken, 8)}`,
        `DPoP: the proof of the call that just succeeded (jti ${jti})`,
      ],
      answer,
      'The first call with this proof got 200. A captured request cannot be replayed: every instance shares the jti cache.',
    );
  });
}

/**
 * The ID token sent to the API as an access token, with a proof from the app's own key.
 *
 * @example
 * await sendIdTokenAsAccessToken(target, session); // refused: typ is not at+jwt
 */
export function sendIdTokenAsAccessToken(
  target: LabTarget,
  session: LabSession,
): Promise<LabAttackResult> {
  return guarded('id-token-as-access-token', async () => {
    if (!session.idToken)
      return labError('id-token-as-access-token', 'This session has no ID token.');
    const { answer } = await sendWithProof(target, session.idToken, target.dpop);
    return labResult(
      'id-token-as-access-token',
      [
        `GET ${probe(target).href}`,
        `Authorization: DPoP ${maskSecret(session.idToken, 8)} (the ID token)`,
        "DPoP: a valid proof from this app's key",
      ],
      answer,
      'An ID token is for the client (aud = client_id, typ JWT); the API accepts only at+jwt tokens for its own audience.',
    );
  });
}
