/**
 * RFC 9207 §2.4: when the authorization server advertises
 * `authorization_response_iss_parameter_supported`, the client MUST require `iss` in the
 * authorization response; whenever `iss` is present it MUST equal the issuer the request was sent
 * to (exact string comparison). This is the mix-up attack defence.
 */
import { PkceClientError } from '../errors/pkce-client-error.js';
import type { CallbackCheck } from './callback-check.js';

/**
 * Refuses a callback whose `iss` is missing (when advertised) or is not the attempt's issuer.
 *
 * @example
 * checkCallbackIssuer({ as, attempt, params: new URLSearchParams('code=x&iss=http://localhost:4000') });
 */
export const checkCallbackIssuer: CallbackCheck = ({ as, attempt, params }) => {
  const iss = params.get('iss');
  if (iss === null) {
    if (as.authorization_response_iss_parameter_supported === true) {
      throw new PkceClientError('issuer_missing');
    }
    return {
      name: 'iss',
      rule: 'RFC 9207 §2.4',
      detail: 'server does not advertise iss in responses; none sent',
    };
  }
  if (iss !== as.issuer || iss !== attempt.issuer) {
    throw new PkceClientError('issuer_mismatch', `expected ${attempt.issuer}, got ${iss}`);
  }
  return { name: 'iss', rule: 'RFC 9207 §2.4', detail: `iss equals ${attempt.issuer}` };
};
