/**
 * After authentication (the bearer guard's `afterAuthentication` hook, before scopes are
 * checked), a request is charged to its token's subject (issuer + `sub`), then — only if the
 * subject is within budget — to its client (`client_id`), so a user already refused does not keep
 * draining their client's budget. The web app's server is recognised as production would: by the
 * token's `client_id` being the web client, never by address. It gets a larger client budget
 * because it carries every web user, while each web user still has their own subject budget — so
 * one user reloading cannot exhaust it for everyone.
 */
import type { AccessTokenPrincipal } from '@oauth-ref/nest-bearer-auth';
import { consumePoint, type RateLimiters } from './create-rate-limiters.js';

/**
 * Charges one authenticated request; `undefined` when both budgets took it locally, else a promise
 * that rejects with `TooManyRequestsError`.
 *
 * @example
 * await chargeAuthenticatedRequest(limiters, principal);
 */
export function chargeAuthenticatedRequest(
  limiters: RateLimiters,
  principal: AccessTokenPrincipal,
): Promise<void> | undefined {
  const clientId = principal.clientId;
  const client = () =>
    clientId === undefined
      ? undefined
      : consumePoint(
          clientId === limiters.webClientId ? limiters.webClient : limiters.client,
          clientId,
          'rate_limit_client',
        );
  // the common case (both budgets far from their limits) allocates no promise
  const subject = consumePoint(
    limiters.subject,
    `${principal.issuer} ${principal.subject}`,
    'rate_limit_subject',
  );
  return subject === undefined ? client() : subject.then(client);
}
