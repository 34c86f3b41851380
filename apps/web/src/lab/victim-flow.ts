/**
 * The victim's legitimate Authorization Code + PKCE flow with a throw-away user and public client,
 * up to the point each attack needs: an authorization response, or a redeemed code and its tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { LabContext, SentExchange } from './lab-context';
import { signInAs } from './provider-session';
import {
  createThrowawayPublicClient,
  createThrowawayUser,
  VICTIM_SCOPE,
  type ThrowawayClient,
  type ThrowawayUser,
} from './throwaway';

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function tokenEndpoint(lab: LabContext): string {
  return `${lab.settings.issuer.replace(/\/$/, '')}/token`;
}

/** A token endpoint request (form-encoded), recorded as one step. */
export function postToken(
  lab: LabContext,
  form: Record<string, string>,
  step: {
    title: string;
    role: 'control' | 'attack' | 'after';
    authorization?: string;
    dpop?: string;
    refusedWhen?: (exchange: SentExchange) => boolean;
  },
): Promise<SentExchange> {
  return lab.send('POST', tokenEndpoint(lab), {
    title: step.title,
    role: step.role,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(step.authorization ? { authorization: step.authorization } : {}),
      ...(step.dpop ? { dpop: step.dpop } : {}),
    },
    body: new URLSearchParams(form).toString(),
    ...(step.refusedWhen ? { refusedWhen: step.refusedWhen } : {}),
  });
}

/** An OAuth error answer with this `error` code (and no tokens). */
export function isOAuthError(code: string) {
  return (exchange: SentExchange): boolean =>
    exchange.status >= 400 && exchange.json['error'] === code && !exchange.json['access_token'];
}

export interface VictimAuthorization {
  readonly user: ThrowawayUser;
  readonly client: ThrowawayClient;
  readonly verifier: string;
  readonly code: string;
  readonly callback: URL;
}

/** Creates the victim user and client, signs in with PKCE; returns the unredeemed code. */
export async function victimAuthorization(
  lab: LabContext,
  scope = VICTIM_SCOPE,
): Promise<VictimAuthorization> {
  const user = await createThrowawayUser(lab);
  const client = await createThrowawayPublicClient(lab);
  const { verifier, challenge } = pkcePair();
  const callback = await signInAs(lab, user, {
    clientId: client.clientId,
    redirectUri: client.redirectUri,
    scope,
    state: randomBytes(12).toString('base64url'),
    nonce: randomBytes(12).toString('base64url'),
    codeChallenge: challenge,
    resource: lab.settings.resource,
  });
  const code = callback.searchParams.get('code');
  if (!code)
    throw new Error(
      `the victim's sign-in gave no code (${callback.searchParams.get('error') ?? 'no error'})`,
    );
  return { user, client, verifier, code, callback };
}

/** The legitimate code redemption: must succeed, or the attack has nothing to attack. */
export async function redeemCode(
  lab: LabContext,
  victim: VictimAuthorization,
  title = 'The victim app redeems its code (with the right code_verifier)',
): Promise<Record<string, unknown>> {
  const exchange = await postToken(
    lab,
    {
      grant_type: 'authorization_code',
      code: victim.code,
      redirect_uri: victim.client.redirectUri,
      client_id: victim.client.clientId,
      code_verifier: victim.verifier,
    },
    { title, role: 'control' },
  );
  if (exchange.status !== 200 || typeof exchange.json['access_token'] !== 'string')
    throw new Error(`the legitimate code redemption failed: HTTP ${exchange.status}`);
  return exchange.json;
}
