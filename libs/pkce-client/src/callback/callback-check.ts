import type * as oauth from 'oauth4webapi';
import type { AuthorizationAttempt } from '../create-authorization-attempt.js';

/** What every callback check sees. */
export interface CallbackContext {
  readonly as: oauth.AuthorizationServer;
  readonly attempt: AuthorizationAttempt;
  readonly params: URLSearchParams;
}

/** The record of one passed check, shown in the flow log. */
export interface CallbackCheckResult {
  readonly name: string;
  readonly rule: string;
  readonly detail: string;
}

/** One named step of the callback pipeline: returns its result or throws a PkceClientError. */
export type CallbackCheck = (context: CallbackContext) => CallbackCheckResult;
