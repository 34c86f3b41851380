/**
 * The API's one exception filter. Every error leaves as JSON `{ error, error_description, ... }`:
 * bearer-auth errors through the lib's single mapping (`toBearerErrorResponse`), HTTP exceptions
 * and body-parser errors (malformed JSON → 400, too large → 413) with their status, anything else
 * as a 500 without message or stack (logged server-side, never sent); an exhausted budget as 429
 * with Retry-After. Refused credentials (401/400 from the bearer pipeline) are charged to the
 * caller's address budget first, so guessing tokens is limited like anonymous traffic.
 */
import {
  Catch,
  HttpException,
  Inject,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  BearerAuthError,
  BEARER_AUTH_OPTIONS,
  challengeContextFor,
  toBearerErrorResponse,
  type ResolvedBearerAuthOptions,
} from '@oauth-ref/nest-bearer-auth';
import { errorNameForStatus, type HttpErrorBody } from './http-error-body.js';
import { clientAddress } from '../rate-limit/client-address.js';
import {
  consumePoint,
  RATE_LIMITERS,
  type RateLimiters,
} from '../rate-limit/create-rate-limiters.js';
import { TooManyRequestsError } from '../rate-limit/too-many-requests.error.js';

interface ClientError {
  status?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as ClientError;
  const value =
    typeof statusCode === 'number' ? statusCode : typeof status === 'number' ? status : undefined;
  return value !== undefined && value >= 400 && value < 500 ? value : undefined;
}

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'The request is malformed',
  404: 'Not found',
  413: 'The request body is too large',
  415: 'The request body must be application/json',
};

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(BEARER_AUTH_OPTIONS) private readonly bearerOptions: ResolvedBearerAuthOptions,
    @Inject(RATE_LIMITERS) private readonly limiters: RateLimiters,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response: unknown = http.getResponse();
    if (
      error instanceof BearerAuthError &&
      error.kind !== 'insufficient_scope' &&
      error.kind !== 'missing'
    ) {
      // refused credentials: the caller is not authenticated, so only its address can be charged
      // (requests without any were charged by AnonymousRateLimitGuard already)
      const request = http.getRequest<Parameters<typeof clientAddress>[0]>();
      consumePoint(this.limiters.address, clientAddress(request), 'rate_limit_address').then(
        () => this.send(response, error),
        (limited: unknown) => this.send(response, limited),
      );
      return;
    }
    this.send(response, error);
  }

  private send(response: unknown, error: unknown): void {
    const { httpAdapter } = this.adapterHost;
    const { status, body, headers } = this.describe(error);
    for (const [name, value] of Object.entries(headers))
      httpAdapter.setHeader(response, name, value);
    httpAdapter.reply(response, body, status);
  }

  private describe(error: unknown): {
    status: number;
    body: HttpErrorBody;
    headers: Record<string, string>;
  } {
    if (error instanceof TooManyRequestsError) {
      return {
        status: 429,
        body: {
          error: 'too_many_requests',
          error_description: error.message,
          code: error.code,
        },
        headers: { 'Retry-After': String(error.retryAfterSeconds), 'Cache-Control': 'no-store' },
      };
    }
    if (error instanceof BearerAuthError) {
      const mapped = toBearerErrorResponse(error, challengeContextFor(this.bearerOptions));
      return { status: mapped.status, body: mapped.body, headers: { ...mapped.headers } };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const payload = error.getResponse();
      if (
        typeof payload === 'object' &&
        payload !== null &&
        'error' in payload &&
        'error_description' in payload
      ) {
        return { status, body: payload as HttpErrorBody, headers: {} };
      }
      if (status >= 500) return this.serverError(error);
      return {
        status,
        body: {
          error: errorNameForStatus(status),
          error_description: DESCRIPTIONS[status] ?? error.message,
        },
        headers: {},
      };
    }
    const clientStatus = clientErrorStatus(error);
    if (clientStatus !== undefined) {
      return {
        status: clientStatus,
        body: {
          error: errorNameForStatus(clientStatus),
          error_description: DESCRIPTIONS[clientStatus] ?? 'The request is malformed',
        },
        headers: {},
      };
    }
    return this.serverError(error);
  }

  private serverError(error: unknown) {
    this.logger.error({ err: error }, 'Unhandled error');
    return {
      status: 500,
      body: { error: 'server_error', error_description: 'Internal server error' },
      headers: {},
    };
  }
}
