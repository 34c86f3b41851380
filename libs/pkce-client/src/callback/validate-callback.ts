/**
 * The callback pipeline: our named checks, in order, each citing its rule, then oauth4webapi's own
 * `validateAuthResponse` (which repeats the state and iss checks and refuses JARM, implicit and
 * hybrid responses). Only a callback that passes all of them yields parameters that can be
 * exchanged for tokens.
 */
import * as oauth from 'oauth4webapi';
import type { AuthorizationAttempt } from '../create-authorization-attempt.js';
import { PkceClientError, isPkceClientError } from '../errors/pkce-client-error.js';
import type { CallbackCheck, CallbackCheckResult } from './callback-check.js';
import { checkCallbackError } from './check-callback-error.js';
import { checkCallbackIssuer } from './check-callback-issuer.js';
import { checkCallbackState } from './check-callback-state.js';

/** The checks, in the order they run. */
export const callbackChecks: readonly CallbackCheck[] = Object.freeze([
  checkCallbackState,
  checkCallbackIssuer,
  checkCallbackError,
]);

/** A callback that passed every check. `params` is what the code exchange needs. */
export interface ValidatedCallback {
  readonly params: URLSearchParams;
  readonly checks: readonly CallbackCheckResult[];
}

/**
 * Validates the redirect back from the authorization server against the pending attempt.
 *
 * @example
 * const { params, checks } = validateCallback(as, attempt, new URL(window.location.href));
 * checks.map((c) => c.name); // ['state', 'iss', 'code', 'oauth4webapi']
 */
export function validateCallback(
  as: oauth.AuthorizationServer,
  attempt: AuthorizationAttempt,
  callback: URL | URLSearchParams,
): ValidatedCallback {
  const params = callback instanceof URL ? callback.searchParams : callback;
  const context = { as, attempt, params };
  const checks = callbackChecks.map((check) => check(context));
  try {
    const validated = oauth.validateAuthResponse(
      as,
      { client_id: attempt.clientId },
      params,
      attempt.state,
    );
    return {
      params: validated,
      checks: [
        ...checks,
        { name: 'oauth4webapi', rule: 'validateAuthResponse', detail: 'library checks passed' },
      ],
    };
  } catch (error) {
    /* v8 ignore next -- our checks above already refuse what the library refuses first */
    if (isPkceClientError(error)) throw error;
    throw new PkceClientError(
      'callback_invalid',
      error instanceof Error ? error.message : String(error),
      {
        cause: error,
      },
    );
  }
}
