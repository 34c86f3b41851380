/**
 * The flow-log model: what the screen shows a learner, step by step. A step has a kind (from the
 * catalogue, which holds its title and its explanation), an outcome, and fields. A field says how
 * sensitive its value is: `secret` values (verifier, code, refresh token) are masked when the step
 * is created, so they never sit in the log; `token` values (access and ID tokens, already held in
 * memory) are masked until the learner expands them, and then shown decoded.
 */
import { decodeJwtForDisplay, type DecodedJwt } from '../redaction/decode-jwt-for-display.js';
import { maskSecret } from '../redaction/mask-secret.js';

/** How a field's value may be shown. */
export type FlowFieldSensitivity = 'plain' | 'secret' | 'token';

export interface FlowField {
  readonly label: string;
  readonly value: string;
  readonly sensitivity: FlowFieldSensitivity;
}

export const flowStepCatalogue = {
  discovery: {
    title: 'Discovery',
    explanation:
      'Fetched the issuer metadata (RFC 8414 / OIDC Discovery) and checked its issuer matches exactly.',
  },
  verifier: {
    title: 'PKCE code_verifier generated',
    explanation:
      'A fresh 43–128 character secret from the CSPRNG, kept by this app only. It is never sent in the authorization request.',
  },
  challenge: {
    title: 'PKCE code_challenge computed (S256)',
    explanation:
      'BASE64URL(SHA-256(code_verifier)). Only this hash travels through the browser; an intercepted code is useless without the verifier.',
  },
  'authorization-request': {
    title: 'Authorization request',
    explanation:
      'The user agent is sent to the authorization endpoint with the challenge, a fresh state (CSRF) and nonce (ID token replay), the exact redirect URI and the resource. No client secret: this is a public client.',
  },
  callback: {
    title: 'Callback received',
    explanation:
      'The provider redirected back to the registered redirect URI with these parameters.',
  },
  'callback-checks': {
    title: 'Callback checks',
    explanation:
      'state must equal the one sent; iss must be the issuer (RFC 9207); only then is the code exchanged.',
  },
  'token-request': {
    title: 'Token request',
    explanation:
      'POST to the token endpoint: the code plus the code_verifier. The server hashes the verifier and compares it with the challenge it stored.',
  },
  'token-response': {
    title: 'Token response',
    explanation:
      'Access token (kept in memory), refresh token (kept in the secret store), ID token (validated: iss, aud, nonce, exp).',
  },
  'api-request': {
    title: 'API request',
    explanation:
      'The access token is sent to the resource server: as `Authorization: DPoP <token>` with a fresh proof when it is DPoP-bound (RFC 9449 §7), else as a Bearer token (RFC 6750).',
  },
  'dpop-key': {
    title: 'DPoP key pair (this install)',
    explanation:
      'RFC 9449: tokens are bound to this key. The private key signs proofs but cannot be read out (non-extractable Web Crypto key on the web, the platform keystore natively). A copied access or refresh token is useless without it: every request must carry a proof signed by this key, and the token names the key by its thumbprint (cnf.jkt).',
  },
  'dpop-proof': {
    title: 'DPoP proof',
    explanation:
      "A JWT signed by the private key, made for exactly one request: typ dpop+jwt, the public jwk, htm and htu (method and URL, no query), iat, a unique jti, and ath (hash of the access token) on API calls. The server checks it and that the key thumbprint equals the token's cnf.jkt; a thief holding only the token cannot sign one.",
  },
  refresh: {
    title: 'Refresh (rotation)',
    explanation:
      'The refresh token is used once; the provider returns a new one and the old one becomes invalid. Reusing an old one ends the grant.',
  },
  revocation: {
    title: 'Refresh token revoked',
    explanation: 'RFC 7009: the refresh token was revoked at the provider and local state cleared.',
  },
  logout: {
    title: 'RP-initiated logout',
    explanation:
      'The browser goes to the end_session_endpoint with id_token_hint and a registered post_logout_redirect_uri.',
  },
  error: {
    title: 'Refused',
    explanation: 'This step failed; nothing after it was done.',
  },
} as const satisfies Record<string, { title: string; explanation: string }>;

export type FlowStepKind = keyof typeof flowStepCatalogue;

export interface FlowStep {
  readonly id: string;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly kind: FlowStepKind;
  readonly title: string;
  readonly explanation: string;
  readonly outcome: 'info' | 'ok' | 'refused';
  readonly fields: readonly FlowField[];
}

export type FlowLog = readonly FlowStep[];

/**
 * Creates a step of the given kind; title and explanation come from the catalogue unless given.
 *
 * @example
 * createFlowStep('verifier', { fields: [{ label: 'code_verifier', value: v, sensitivity: 'secret' }] });
 */
export function createFlowStep(
  kind: FlowStepKind,
  options: {
    fields?: readonly FlowField[];
    outcome?: FlowStep['outcome'];
    at?: number;
    title?: string;
    explanation?: string;
  } = {},
): Omit<FlowStep, 'id'> {
  return Object.freeze({
    kind,
    at: options.at ?? Date.now(),
    title: options.title ?? flowStepCatalogue[kind].title,
    explanation: options.explanation ?? flowStepCatalogue[kind].explanation,
    outcome: options.outcome ?? 'info',
    // A secret's value never enters the log: it is masked here, once, for good.
    fields: Object.freeze(
      (options.fields ?? []).map((field) =>
        field.sensitivity === 'secret' ? { ...field, value: maskSecret(field.value) } : field,
      ),
    ),
  });
}

/**
 * Returns a new log with the steps appended, each given the next sequential id.
 *
 * @example
 * const log = appendFlowSteps([], createFlowStep('discovery')); // [{ id: '1', kind: 'discovery', ... }]
 */
export function appendFlowSteps(log: FlowLog, ...steps: Omit<FlowStep, 'id'>[]): FlowLog {
  return Object.freeze([
    ...log,
    ...steps.map((step, index) => Object.freeze({ ...step, id: String(log.length + index + 1) })),
  ]);
}

/** What the screen renders for a field. */
export interface FieldDisplay {
  readonly text: string;
  /** Present only for an expanded token field. */
  readonly decoded?: DecodedJwt;
}

/**
 * How a field is shown: plain and secret (already masked) as stored, token masked unless expanded
 * (then in full, with its decoded JWT header and payload).
 *
 * @example
 * displayFlowField({ label: 'access_token', value: jwt, sensitivity: 'token' }, false).text; // 'eyJh… (812 chars)'
 */
export function displayFlowField(field: FlowField, expanded: boolean): FieldDisplay {
  if (field.sensitivity !== 'token') return { text: field.value };
  if (!expanded) return { text: maskSecret(field.value) };
  return { text: field.value, decoded: decodeJwtForDisplay(field.value) };
}

/**
 * The log as it may be written to session storage: token values are masked for good (tokens stay
 * in memory only). Secret values were masked when their step was created.
 *
 * @example
 * sessionStorage.setItem('log', JSON.stringify(persistableFlowLog(log)));
 */
export function persistableFlowLog(log: FlowLog): FlowLog {
  return log.map((step) => ({
    ...step,
    fields: step.fields.map((field) =>
      field.sensitivity === 'token'
        ? { label: field.label, value: maskSecret(field.value), sensitivity: 'plain' as const }
        : field,
    ),
  }));
}
