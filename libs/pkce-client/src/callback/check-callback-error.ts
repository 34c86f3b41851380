/**
 * RFC 6749 §4.1.2.1: an authorization response may carry `error` (and `error_description`)
 * instead of a code; such a response ends the attempt.
 */
import { PkceClientError } from '../errors/pkce-client-error.js';
import type { CallbackCheck } from './callback-check.js';

/**
 * Refuses a callback that carries `error`, or that has no `code`.
 *
 * @example
 * checkCallbackError({ as, attempt, params: new URLSearchParams('error=access_denied') }); // throws
 */
export const checkCallbackError: CallbackCheck = ({ params }) => {
  const error = params.get('error');
  if (error !== null) {
    const description = params.get('error_description');
    throw new PkceClientError(
      'authorization_denied',
      description ? `${error}: ${description}` : error,
    );
  }
  if (!params.get('code')) throw new PkceClientError('callback_invalid', 'no code parameter');
  return { name: 'code', rule: 'RFC 6749 §4.1.2', detail: 'a code is present, no error' };
};
