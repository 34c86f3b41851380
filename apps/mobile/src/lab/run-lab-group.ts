/**
 * Which attacks each button of "Try to break it" runs, in order. The first group uses the
 * session's tokens without spending anything. The two others replay grant material; the
 * provider's answer to a replay is to revoke the grant, so they end the session on purpose and the
 * app's own next refresh shows it.
 */
import {
  labError,
  type LabAttackResult,
  type LabSession,
  type LabTarget,
  replayCode,
  replayProof,
  replayRotatedRefreshToken,
  sendAccessTokenAsBearer,
  sendAccessTokenWithoutProof,
  sendCodeWithWrongVerifier,
  sendIdTokenAsAccessToken,
  sendProofFromAnotherKey,
  sendRefreshTokenWithoutKey,
  type SpentCode,
} from '@oauth-ref/pkce-client';
import type { LabGroup } from '../auth/auth-state.js';

export interface LabRun {
  readonly target: LabTarget;
  readonly session: LabSession;
  readonly refreshToken: string | undefined;
  readonly spentCode: SpentCode | undefined;
  /** The app's own refresh (rotating where the app keeps its token): did the grant survive? */
  readonly refreshSession: () => Promise<'kept' | 'revoked'>;
}

/**
 * Runs one group, one attack after the other (a proof replay must not race its original).
 *
 * @example
 * const results = await runLabGroup('keeps-session', run);
 */
export async function runLabGroup(group: LabGroup, run: LabRun): Promise<LabAttackResult[]> {
  const { target, session, refreshToken, spentCode } = run;
  if (group === 'keeps-session') {
    const results = [
      await sendAccessTokenAsBearer(target, session),
      await sendAccessTokenWithoutProof(target, session),
      await sendProofFromAnotherKey(target, session),
      await replayProof(target, session),
      await sendIdTokenAsAccessToken(target, session),
    ];
    results.push(
      refreshToken
        ? await sendRefreshTokenWithoutKey(target, refreshToken)
        : labError('refresh-token-without-key', 'This session has no refresh token.'),
    );
    return results;
  }
  if (group === 'code-replay') {
    if (!spentCode) {
      const why = 'This tab holds no authorization code: sign in again in this tab first.';
      return [labError('pkce-wrong-verifier', why), labError('code-replay', why)];
    }
    return [
      await sendCodeWithWrongVerifier(target, spentCode),
      await replayCode(target, spentCode, refreshToken ? run.refreshSession : undefined),
    ];
  }
  if (!refreshToken)
    return [labError('refresh-token-replay', 'This session has no refresh token.')];
  const result = await replayRotatedRefreshToken(target, refreshToken);
  // the app still holds the rotated-away token: its own refresh now meets the revoked family
  if (result.status !== undefined) await run.refreshSession();
  return [result];
}
