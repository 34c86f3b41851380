/**
 * The Authorization Code flow as the home page draws it, each step tied to the FlowEvent that
 * proves it happened in the current session and to the inspector section that shows it.
 */
import type { FlowEventView } from './flow-event-store';

export interface FlowStepView {
  readonly id: string;
  readonly title: string;
  readonly actors: string;
  readonly explanation: string;
  readonly href: string;
  readonly done: boolean;
  /** Replaces the generic "happened / not yet" wording where the app does not record the step. */
  readonly note?: string;
}

export function buildFlowSteps(
  events: readonly FlowEventView[],
  signedIn: boolean,
): FlowStepView[] {
  const has = (step: string) => events.some((event) => event.step === step);
  const callback = events.find((event) => event.step === 'callback');
  const callbackHadCode = Boolean(
    callback && 'params' in callback.detail && 'code' in callback.detail.params,
  );
  return [
    {
      id: 'authorization-request',
      title: 'Authorization request',
      actors: 'web → browser → provider /auth',
      explanation:
        'The app redirects the browser to the provider with response_type=code, the exact redirect_uri, the scopes, the API as resource, a random state, a nonce and code_challenge = BASE64URL(SHA-256(code_verifier)). The verifier stays in an encrypted HttpOnly cookie.',
      href: '/inspector#authorization-request',
      done: has('authorization_request'),
    },
    {
      id: 'authenticate',
      title: 'Sign-in and consent at the provider',
      actors: 'user ↔ provider',
      explanation:
        'The provider, not this app, asks for the password and for consent to the scopes. This app never sees the password.',
      href: '/inspector#callback',
      done: callbackHadCode,
    },
    {
      id: 'callback',
      title: 'Callback with the authorization code',
      actors: 'provider → browser → web /api/auth/callback/oauth-ref',
      explanation:
        'The provider redirects back with code, state and iss (RFC 9207). The app checks state against its cookie and iss against the issuer before it uses the code.',
      href: '/inspector#callback',
      done: has('callback'),
    },
    {
      id: 'token-request',
      title: 'Code exchange at the token endpoint',
      actors: 'web server → provider /token (back channel)',
      explanation:
        'Server to server, authenticated with the client secret (client_secret_basic), sending the code and the code_verifier. An intercepted code is useless without both.',
      href: '/inspector#token-response',
      done: has('token_response'),
    },
    {
      id: 'id-token',
      title: 'ID token validation',
      actors: 'web server',
      explanation:
        "Signature against the provider's JWKS, iss, aud, exp, and the nonce from the cookie.",
      href: '/inspector#id-token',
      done: has('token_response'),
    },
    {
      id: 'session',
      title: 'Session: a cookie for the browser, tokens in the database',
      actors: 'web server → browser',
      explanation:
        'The browser gets only an opaque, HttpOnly, SameSite=Lax web.session-token. Access, refresh and ID tokens stay in the Account row on the server.',
      href: '/inspector#session',
      done: signedIn && has('token_response'),
    },
    {
      id: 'api-call',
      title: 'API calls with the access token',
      actors: 'web server → API (Bearer)',
      explanation:
        "Pages and server actions call the notes API with Authorization: Bearer <access token>. The API checks the JWT's signature, typ at+jwt, iss, aud and scope.",
      href: '/notes',
      done: false,
      note: signedIn ? 'ready: every visit to Notes makes these calls' : undefined,
    },
    {
      id: 'refresh',
      title: 'Refresh, exactly once',
      actors: 'web server → provider /token',
      explanation:
        'Near expiry one request takes a lease on the Account row and refreshes; concurrent requests wait and reuse the result. The rotated refresh token replaces the old one.',
      href: '/inspector#refreshes',
      done: has('refresh'),
    },
  ];
}
