/**
 * A real authorization response for the web client itself: a throw-away user signs in with the web
 * app's client_id and redirect URI, with state, nonce and PKCE of this run. The code is then in the
 * lab's hands, exactly as it would arrive at /api/auth/callback.
 */
import { randomBytes } from 'node:crypto';
import type { LabContext } from './lab-context';
import { signInAs } from './provider-session';
import { createThrowawayUser } from './throwaway';
import { pkcePair } from './victim-flow';

export interface WebAuthorization {
  readonly callback: URL;
  readonly checks: { state: string; nonce: string; code_verifier: string };
}

export async function victimWebAuthorization(lab: LabContext): Promise<WebAuthorization> {
  const user = await createThrowawayUser(lab);
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(16).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const callback = await signInAs(lab, user, {
    clientId: lab.settings.webClientId,
    redirectUri: lab.settings.webRedirectUri,
    scope: 'openid',
    state,
    nonce,
    codeChallenge: challenge,
  });
  if (!callback.searchParams.get('code'))
    throw new Error('the victim’s sign-in with the web client gave no code');
  return { callback, checks: { state, nonce, code_verifier: verifier } };
}
