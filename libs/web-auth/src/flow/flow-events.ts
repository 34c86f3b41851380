/**
 * The steps of a sign-in (and of each refresh) that a client records for a flow inspector, the
 * JSON each step's detail holds, and the one interface the recording goes through. None of these
 * shapes has room for a raw token, a code or a code_verifier. The web app supplies the store
 * (a FlowEvent table); this library only calls `record` and `claim`.
 */
import type { DecodedJwt } from './decode-jwt.js';

export type FlowStep =
  | 'authorization_request'
  | 'callback'
  | 'callback_rejected'
  | 'token_response'
  | 'refresh'
  | 'refresh_rejected'
  | 'api_call'
  | 'sign_out';

export interface AuthorizationRequestDetail {
  readonly endpoint: string;
  /** Every query parameter sent to the authorization endpoint (code_challenge, never the verifier). */
  readonly params: Readonly<Record<string, string>>;
}

export interface CallbackDetail {
  /** The redirect's query with `code` replaced by its length. */
  readonly params: Readonly<Record<string, string>>;
}

export interface CallbackRejectedDetail {
  readonly error: string;
  readonly reason: string;
}

export interface TokenResponseDetail {
  readonly tokenType: string | null;
  readonly scope: string | null;
  readonly expiresAt: number | null;
  readonly redacted: Readonly<Record<'access_token' | 'refresh_token' | 'id_token', string | null>>;
  readonly accessToken: DecodedJwt | null;
  readonly idToken: DecodedJwt | null;
  /** For refreshes: whether the provider rotated the refresh token. */
  readonly refreshTokenRotated?: boolean;
}

export interface RefreshRejectedDetail {
  readonly error: string;
}

/** One request to the API with the access token (never the token itself) and its answer. */
export interface ApiCallDetail {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The `error` of the API's WWW-Authenticate challenge, when it sent one. */
  readonly error: string | null;
}

/** RP-Initiated Logout as the web server ran it: the revocation, then the end-session redirect. */
export interface SignOutDetail {
  /** RFC 7009 revocation of the refresh token: done, refused/unreachable, or nothing to revoke. */
  readonly revocation: 'revoked' | 'failed' | 'skipped';
  /** The provider's end_session_endpoint the browser was sent to; null when it has none. */
  readonly endSessionEndpoint: string | null;
  /** Its query parameters, `id_token_hint` and `state` redacted. */
  readonly params: Readonly<Record<string, string>>;
}

export type FlowDetail =
  | AuthorizationRequestDetail
  | CallbackDetail
  | CallbackRejectedDetail
  | TokenResponseDetail
  | RefreshRejectedDetail
  | ApiCallDetail
  | SignOutDetail;

/** One recorded step. `userId` is null until a sign-in completes (the steps are then claimed). */
export interface FlowEvent {
  readonly userId: string | null;
  readonly flowId: string;
  readonly step: FlowStep;
  readonly detail: FlowDetail;
}

/**
 * Where flow steps go. The web app implements it on its database; tests use an array.
 *
 * @example
 * const recorder: FlowRecorder = {
 *   record: async (event) => void events.push(event),
 *   claim: async (flowId, userId) => void claims.push({ flowId, userId }),
 * };
 */
export interface FlowRecorder {
  record(event: FlowEvent): Promise<void>;
  /** Gives the anonymous steps of a sign-in (request, callback) to the user who completed it. */
  claim(flowId: string, userId: string): Promise<void>;
}
