/**
 * Before authentication the only thing known about a caller is its address, so requests that
 * carry NO credentials are limited per address here (global guard, before the route's bearer
 * guard). Requests with credentials are limited after authentication, per token subject and
 * client (`charge-authenticated-request.ts`, run by the bearer guard) — never per address, because every web user
 * reaches the API from the web server's one address. Refused credentials are charged to the
 * address by the exception filter.
 */
import {
  Inject,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { clientAddress } from './client-address.js';
import { consumePoint, RATE_LIMITERS, type RateLimiters } from './create-rate-limiters.js';

const SKIP_RATE_LIMIT = 'oauth-ref:skip-rate-limit';

/** Exempts a handler or controller (liveness probes) from rate limiting. */
export const SkipRateLimit = (): MethodDecorator & ClassDecorator =>
  SetMetadata(SKIP_RATE_LIMIT, true);

@Injectable()
export class AnonymousRateLimitGuard implements CanActivate {
  constructor(
    @Inject(RATE_LIMITERS) private readonly limiters: RateLimiters,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, unknown> } & Parameters<typeof clientAddress>[0]>();
    // credentials are charged after authentication, so the metadata lookup is for anonymous calls
    if (request.headers['authorization'] !== undefined) return true;
    if (
      this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      return true;
    const wait = consumePoint(this.limiters.address, clientAddress(request), 'rate_limit_address');
    return wait === undefined ? true : wait.then(() => true);
  }
}
