import type {
  ApiCallResult,
  FlowLog,
  LabAttackResult,
  TokenSessionState,
} from '@oauth-ref/pkce-client';

/** The lab's groups: attacks that keep the session, and the two that end it by design. */
export type LabGroup = 'keeps-session' | 'code-replay' | 'refresh-replay';

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
  /** The previous page of this tab was signed in, and the reload forgot its in-memory tokens. */
  readonly reloadNotice: boolean;
  /** "Try to break it": the group running now, and the results of the last runs. */
  readonly lab: {
    readonly running: LabGroup | undefined;
    readonly results: readonly LabAttackResult[];
  };
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
  reloadNotice: false,
  lab: Object.freeze({ running: undefined, results: Object.freeze([]) }),
});
