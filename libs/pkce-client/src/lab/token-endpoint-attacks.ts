/**
 * Attacks on the provider's token endpoint with this tab's own grant material. The first leaves
 * the session working; the three others end it by design (the provider's answer to a replay is to
 * revoke the grant), and say so in their result.
 */
import * as oauth from 'oauth4webapi';
import { isNetworkFailure } from '../errors/is-network-failure.js';
import { maskSecret } from '../redaction/mask-secret.js';
import type { LabAttackId, LabAttackResult } from './lab-attack.js';
import type { LabTarget, SpentCode } from './lab-target.js';
import { type AttackAnswer, labError, labResult } from './read-answer.js';
import { requestOptions, sendRaw, sendTokenRequest, sendTokenRequestKeepingBody } from './send.js';

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
        ? `No answer from the provider (down, unreachable or CORS): ${message}`
        : message,
    );
  }
}

const tokenEndpoint = (target: LabTarget) => new URL(String(target.as.token_endpoint));
const client = (target: LabTarget): oauth.Client => ({ client_id: target.clientId });
const resourceParameter = (target: LabTarget) =>
  target.resource ? { additionalParameters: { resource: target.resource } } : {};

/** Redeems a code with oauth4webapi (proof from the app's key), answering nonce requests once. */
function redeemCode(target: LabTarget, spent: SpentCode, codeVerifier: string) {
  // oauth4webapi redeems only callback parameters it validated itself: validate the code again
  const callback = oauth.validateAuthResponse(
    target.as,
    client(target),
    new URLSearchParams({ code: spent.code, iss: target.as.issuer }),
    oauth.skipStateCheck,
  );
  return sendTokenRequest(() =>
    oauth.authorizationCodeGrantRequest(
      target.as,
      client(target),
      oauth.None(),
      callback,
      spent.redirectUri,
      codeVerifier,
      { ...requestOptions(target, target.dpop), ...resourceParameter(target) },
    ),
  );
}

/** Uses a refresh token with a proof from the app's key. */
function useRefreshToken(target: LabTarget, refreshToken: string): Promise<AttackAnswer> {
  return sendTokenRequest(() =>
    oauth.refreshTokenGrantRequest(target.as, client(target), oauth.None(), refreshToken, {
      ...requestOptions(target, target.dpop),
      ...resourceParameter(target),
    }),
  );
}

/**
 * The current refresh token sent without any DPoP proof, as a thief with a copy would. The
 * provider refuses it before rotation, so the token is not spent and the session keeps working.
 *
 * @example
 * await sendRefreshTokenWithoutKey(target, refreshToken); // refused: 400 invalid_grant
 */
export function sendRefreshTokenWithoutKey(
  target: LabTarget,
  refreshToken: string,
): Promise<LabAttackResult> {
  return guarded('refresh-token-without-key', async () => {
    const answer = await sendRaw(target, tokenEndpoint(target), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: target.clientId,
      }),
    });
    return labResult(
      'refresh-token-without-key',
      [
        `POST ${tokenEndpoint(target).href}`,
        'grant_type=refresh_token',
        `refresh_token=${maskSecret(refreshToken)}`,
        `client_id=${target.clientId} (public: no secret to steal)`,
        '(no DPoP header)',
      ],
      answer,
      'For a public client the key is what a secret is for a confidential one: no proof, no tokens. The refusal did not spend the refresh token.',
    );
  });
}

/**
 * The sign-in's code with a made-up verifier. The provider checks the verifier before it looks
 * at whether the code was used, so this refusal is PKCE's.
 *
 * @example
 * await sendCodeWithWrongVerifier(target, spent); // refused: 400 invalid_grant
 */
export function sendCodeWithWrongVerifier(
  target: LabTarget,
  spent: SpentCode,
): Promise<LabAttackResult> {
  return guarded('pkce-wrong-verifier', async () => {
    const wrongVerifier = oauth.generateRandomCodeVerifier();
    const answer = await redeemCode(target, spent, wrongVerifier);
    return labResult(
      'pkce-wrong-verifier',
      [
        `POST ${tokenEndpoint(target).href}`,
        'grant_type=authorization_code',
        `code=${maskSecret(spent.code)} (this tab's sign-in code)`,
        `code_verifier=${maskSecret(wrongVerifier)} (made up: its hash is not the code_challenge)`,
        "DPoP: a valid proof from this app's key",
      ],
      answer,
      'An intercepted code is useless without the verifier, which never left this tab.',
    );
  });
}

/**
 * Redeems the sign-in's code again with everything right. Within the code's lifetime the
 * provider also revokes the grant (the first redemption's tokens): `checkGrant` tells whether the
 * session's refresh token still works afterwards (the app uses its own refresh, so a token that
 * still works is rotated where the app keeps it).
 *
 * @example
 * await replayCode(target, spent, async () => (await refreshStillWorks()) ? 'kept' : 'revoked');
 */
export function replayCode(
  target: LabTarget,
  spent: SpentCode,
  checkGrant?: () => Promise<'kept' | 'revoked'>,
): Promise<LabAttackResult> {
  return guarded('code-replay', async () => {
    const answer = await redeemCode(target, spent, spent.codeVerifier);
    const grant = await checkGrant?.();
    const fate =
      grant === undefined
        ? 'This session has no refresh token to check.'
        : grant === 'revoked'
          ? 'Then the first redemption’s refresh token was refused too: the provider revoked the grant, so this session has ended.'
          : 'The first redemption’s refresh token still worked: the code had expired (codes live a minute), so the provider refused it as expired and kept the grant.';
    return labResult(
      'code-replay',
      [
        `POST ${tokenEndpoint(target).href}`,
        'grant_type=authorization_code',
        `code=${maskSecret(spent.code)} (already redeemed at sign-in)`,
        `code_verifier=${maskSecret(spent.codeVerifier)} (the right one)`,
        "DPoP: a valid proof from this app's key",
      ],
      answer,
      fate,
    );
  });
}

/**
 * Rotates the refresh token once (legitimately), then replays the rotated-away one; then tries
 * the new one, which reuse detection must have revoked with the rest of the family.
 *
 * @example
 * await replayRotatedRefreshToken(target, currentRefreshToken);
 */
export function replayRotatedRefreshToken(
  target: LabTarget,
  refreshToken: string,
): Promise<LabAttackResult> {
  return guarded('refresh-token-replay', async () => {
    const rotation = await sendTokenRequestKeepingBody(() =>
      oauth.refreshTokenGrantRequest(target.as, client(target), oauth.None(), refreshToken, {
        ...requestOptions(target, target.dpop),
        ...resourceParameter(target),
      }),
    );
    const rotated = rotation.body['refresh_token'];
    if (rotation.answer.status !== 200 || typeof rotated !== 'string' || rotated === refreshToken) {
      return labError(
        'refresh-token-replay',
        `The legitimate refresh that rotates the token did not rotate it (status ${rotation.answer.status} ${rotation.answer.error ?? ''}), so there is nothing to replay.`,
      );
    }
    const answer = await useRefreshToken(target, refreshToken);
    const family = await useRefreshToken(target, rotated);
    const result = labResult(
      'refresh-token-replay',
      [
        `POST ${tokenEndpoint(target).href}`,
        'grant_type=refresh_token',
        `refresh_token=${maskSecret(refreshToken)} (rotated away a moment ago by a legitimate refresh)`,
        "DPoP: a valid proof from this app's key",
      ],
      answer,
      family.status === 400
        ? 'Then the newest refresh token (from the legitimate rotation) was refused too: the provider cannot tell thief from owner, so it revoked the whole family. This session has ended.'
        : `The newest refresh token still worked (status ${family.status}): reuse detection did not revoke the family.`,
    );
    // the replay itself may be refused, but a family that survives it is a failed defence
    return family.status === 400 ? result : { ...result, outcome: 'accepted' };
  });
}
