/**
 * After authentication (interceptors run after every guard), a request is charged to its token's
 * subject (issuer + `sub`), then — only if the subject is within budget — to its client
 * (`client_id`), so a user already refused does not keep draining their client's budget. The web app's
 * server is recognised as production would: by the token's `client_id` being the web client,
 * never by address. It gets a larger client budget because it carries every web user, while
 * each web user still has their own subject budget — so one user reloading cannot exhaust it
 * for everyone.
 */
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { AccessTokenPrincipal } from '@oauth-ref/nest-bearer-auth';
import type { Observable } from 'rxjs';
import { consumePoint, RATE_LIMITERS, type RateLimiters } from './create-rate-limiters.js';

@Injectable()
export class AuthenticatedRateLimitInterceptor implements NestInterceptor {
  constructor(@Inject(RATE_LIMITERS) private readonly limiters: RateLimiters) {}

  intercept(
    context: ExecutionContext,
    next: CallHandler,
  ): Observable<unknown> | Promise<Observable<unknown>> {
    const principal = context.switchToHttp().getRequest<{ user?: AccessTokenPrincipal }>().user;
    if (principal === undefined) return next.handle();
    const { limiters } = this;
    const clientLimiter =
      principal.clientId === limiters.webClientId ? limiters.webClient : limiters.client;
    const subjectKey = `${principal.issuer} ${principal.subject}`;
    const client = () =>
      principal.clientId === undefined
        ? undefined
        : consumePoint(clientLimiter, principal.clientId, 'rate_limit_client');
    // the common case (both budgets far from their limits) allocates no promise
    const subjectWait = consumePoint(limiters.subject, subjectKey, 'rate_limit_subject');
    if (subjectWait === undefined) {
      const clientWait = client();
      return clientWait === undefined ? next.handle() : clientWait.then(() => next.handle());
    }
    return subjectWait.then(() => client()).then(() => next.handle());
  }
}
