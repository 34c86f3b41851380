/**
 * Writes bearer-auth errors as RFC 6750 responses, on Express or Fastify alike (through the
 * HTTP adapter). The mapping itself lives in `to-bearer-error-response.ts`.
 */
import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { BEARER_AUTH_OPTIONS } from './bearer-auth.constants.js';
import type { ResolvedBearerAuthOptions } from './bearer-auth-options.js';
import { BearerAuthError } from './errors/bearer-auth-error.js';
import { challengeContextFor, toBearerErrorResponse } from './to-bearer-error-response.js';

@Catch(BearerAuthError)
export class BearerAuthExceptionFilter implements ExceptionFilter<BearerAuthError> {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(BEARER_AUTH_OPTIONS) private readonly options: ResolvedBearerAuthOptions,
  ) {}

  catch(error: BearerAuthError, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const response: unknown = host.switchToHttp().getResponse();
    const mapped = toBearerErrorResponse(error, challengeContextFor(this.options));
    for (const [name, value] of Object.entries(mapped.headers))
      httpAdapter.setHeader(response, name, value);
    httpAdapter.reply(response, mapped.body, mapped.status);
  }
}
