/**
 * Every attack of the lab, in the order the page shows them — composed in a table, as
 * node-oidc-provider composes its checks. Adding an attack is one file and one line here.
 */
import { algNone } from './attacks/alg-none';
import { codeReplay } from './attacks/code-replay';
import { dpopWithoutKey } from './attacks/dpop-without-key';
import { expiredToken } from './attacks/expired-token';
import { forgedState } from './attacks/forged-state';
import { hs256PublicKey } from './attacks/hs256-public-key';
import { idTokenAsAccessToken } from './attacks/id-token-as-access-token';
import { mixUp } from './attacks/mix-up';
import { passwordGuessing } from './attacks/password-guessing';
import { pkceMissingVerifier } from './attacks/pkce-missing-verifier';
import { pkceWrongVerifier } from './attacks/pkce-wrong-verifier';
import { redirectUriTampering } from './attacks/redirect-uri-tampering';
import { refreshReplay } from './attacks/refresh-replay';
import { scopeEscalation } from './attacks/scope-escalation';
import { wrongAudience } from './attacks/wrong-audience';
import type { AttackDefinition } from './lab-types';

export const ATTACKS: readonly AttackDefinition[] = [
  codeReplay,
  pkceWrongVerifier,
  pkceMissingVerifier,
  redirectUriTampering,
  forgedState,
  mixUp,
  algNone,
  hs256PublicKey,
  idTokenAsAccessToken,
  wrongAudience,
  expiredToken,
  refreshReplay,
  scopeEscalation,
  dpopWithoutKey,
  passwordGuessing,
];

/** The attack with this id, or undefined. */
export function findAttack(id: string): AttackDefinition | undefined {
  return ATTACKS.find((attack) => attack.id === id);
}
