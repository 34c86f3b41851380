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
import { from, switchMap, type Observable } from 'rxjs';
import { consumePoint, RATE_LIMITERS, type RateLimiters } from './create-rate-limiters.js';

@Injectable()
export class AuthenticatedRateLimitInterceptor implements NestInterceptor {
  constructor(@Inject(RATE_LIMITERS) private readonly limiters: RateLimiters) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const principal = context.switchToHttp().getRequest<{ user?: AccessTokenPrincipal }>().user;
    if (principal === undefined) return next.handle();
    return from(this.charge(principal)).pipe(switchMap(() => next.handle()));
  }

  private async charge(principal: AccessTokenPrincipal): Promise<void> {
    const { limiters } = this;
    const clientId = principal.clientId;
    await consumePoint(
      limiters.subject,
      `${principal.issuer} ${principal.subject}`,
      'rate_limit_subject',
    );
    if (clientId === undefined) return;
    await consumePoint(
      clientId === limiters.webClientId ? limiters.webClient : limiters.client,
      clientId,
      'rate_limit_client',
    );
  }
}
