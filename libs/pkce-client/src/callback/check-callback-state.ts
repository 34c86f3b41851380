/**
 * RFC 6749 §10.12 / RFC 9700 §4.7.1: the `state` in the callback must be exactly the value this
 * attempt sent. A missing or different state means the response is not for this attempt
 * (CSRF, or a code injected by someone else); the code is then never exchanged.
 */
import { PkceClientError } from '../errors/pkce-client-error.js';
import type { CallbackCheck } from './callback-check.js';

/**
 * Refuses a callback whose `state` is missing or differs from the attempt's.
 *
 * @example
 * checkCallbackState({ as, attempt, params: new URLSearchParams('code=x&state=' + attempt.state) });
 */
export const checkCallbackState: CallbackCheck = ({ attempt, params }) => {
  const state = params.get('state');
  if (state === null || state === '') throw new PkceClientError('state_missing');
  if (state !== attempt.state) {
    throw new PkceClientError('state_mismatch', 'callback state ≠ the state sent');
  }
  return {
    name: 'state',
    rule: 'RFC 6749 §10.12',
    detail: 'state equals the value sent with this attempt',
  };
};
