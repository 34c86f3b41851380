/**
 * The attack lab's vocabulary: what one attack attempt reports. An attack is a real request an
 * attacker could send against the running provider or API; the lab never fakes an answer. The
 * outcome is read from the HTTP answer alone: `refused` when the server said no with the expected
 * status, `accepted` when it said yes (a failed defence, shown in red), `error` when the run could
 * not tell (no answer, an unexpected status, or a step before the attack failed).
 */

/** The attacks a public client can run on itself (RFC 9700 §2.1.1, §4.5, §4.14; RFC 9449; RFC 9068). */
export type LabAttackId =
  | 'access-token-as-bearer'
  | 'access-token-without-proof'
  | 'proof-from-another-key'
  | 'proof-replay'
  | 'id-token-as-access-token'
  | 'refresh-token-without-key'
  | 'pkce-wrong-verifier'
  | 'code-replay'
  | 'refresh-token-replay';

export type LabOutcome = 'refused' | 'accepted' | 'error';

/** What one attack sent, what came back, and the rule that decided. */
export interface LabAttackResult {
  readonly id: LabAttackId;
  readonly title: string;
  /** The rule that refuses it: RFC and section. */
  readonly rule: string;
  /** The attacker's request, one line per part; tokens masked. */
  readonly sent: readonly string[];
  readonly status: number | undefined;
  readonly error: string | undefined;
  readonly errorDescription: string | undefined;
  readonly wwwAuthenticate: string | undefined;
  readonly outcome: LabOutcome;
  /** What the answer means, in one or two sentences. */
  readonly detail: string;
}

/** One attack's fixed description. */
export interface LabAttackDescription {
  readonly title: string;
  readonly rule: string;
  /** The status a correct server answers with. */
  readonly refusedWith: number;
}

/** Every attack of the lab, with the rule that refuses it. */
export const labAttackCatalogue: Readonly<Record<LabAttackId, LabAttackDescription>> = {
  'access-token-as-bearer': {
    title: 'A stolen DPoP-bound access token, sent as a plain Bearer token',
    rule: 'RFC 9449 §7.1: a DPoP-bound token is accepted only with the DPoP scheme and a proof',
    refusedWith: 401,
  },
  'access-token-without-proof': {
    title: 'The DPoP-bound access token with the DPoP scheme but no proof',
    rule: 'RFC 9449 §7.1 and §4.3: the DPoP header is required and checked',
    refusedWith: 401,
  },
  'proof-from-another-key': {
    title: 'The access token with a valid proof signed by the attacker’s own key',
    rule: 'RFC 9449 §6.1: the proof key’s thumbprint must equal the token’s cnf.jkt',
    refusedWith: 401,
  },
  'proof-replay': {
    title: 'A proof this app just used, sent again (same jti)',
    rule: 'RFC 9449 §11.1: a proof is single-use; the API remembers each jti',
    refusedWith: 401,
  },
  'id-token-as-access-token': {
    title: 'The ID token presented to the API as if it were the access token',
    rule: 'RFC 9068 §4 and RFC 8725 §3.11: an access token has typ "at+jwt" and the API as audience',
    refusedWith: 401,
  },
  'refresh-token-without-key': {
    title: 'The current refresh token, stolen and used without the app’s key',
    rule: 'RFC 9449 §5: a public client’s refresh token is bound to its DPoP key',
    refusedWith: 400,
  },
  'pkce-wrong-verifier': {
    title: 'The sign-in’s authorization code with a code_verifier the attacker made up',
    rule: 'RFC 7636 §4.6: the verifier must hash to the code_challenge of the request',
    refusedWith: 400,
  },
  'code-replay': {
    title: 'The sign-in’s authorization code redeemed a second time (right verifier, right key)',
    rule: 'RFC 6749 §4.1.2 and RFC 9700 §4.2.1: a code is single-use; reuse revokes its tokens',
    refusedWith: 400,
  },
  'refresh-token-replay': {
    title: 'A refresh token already rotated away, replayed (with the app’s key)',
    rule: 'RFC 9700 §4.14.2: reuse of a rotated refresh token revokes the whole family',
    refusedWith: 400,
  },
};

/** The attacks that leave the user's session working. */
export const sessionKeepingAttacks: readonly LabAttackId[] = [
  'access-token-as-bearer',
  'access-token-without-proof',
  'proof-from-another-key',
  'proof-replay',
  'id-token-as-access-token',
  'refresh-token-without-key',
];
