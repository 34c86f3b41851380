import type { ApiCallResult, FlowLog, TokenSessionState } from '@oauth-ref/pkce-client';

/** What the screen renders. */
export interface AuthViewState {
  readonly phase: 'starting' | 'ready' | 'redirecting' | 'exchanging' | 'signed-in' | 'unavailable';
  readonly log: FlowLog;
  readonly session: TokenSessionState;
  /** Whether the next sign-in asks for notes:write (turn off to see a 403 insufficient_scope). */
  readonly requestWriteScope: boolean;
  readonly busy: boolean;
  readonly error: { readonly code: string; readonly message: string } | undefined;
  readonly lastApiCall: { readonly label: string; readonly result: ApiCallResult } | undefined;
  readonly me: unknown;
  readonly notes: unknown;
}

export const initialAuthViewState: AuthViewState = Object.freeze({
  phase: 'starting',
  log: Object.freeze([]),
  session: Object.freeze({ status: 'signed-out', tokens: undefined, hasRefreshToken: false }),
  requestWriteScope: true,
  busy: false,
  error: undefined,
  lastApiCall: undefined,
  me: undefined,
  notes: undefined,
});
