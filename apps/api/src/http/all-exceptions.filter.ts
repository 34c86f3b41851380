/**
 * The API's one exception filter. Every error leaves as JSON `{ error, error_description, ... }`:
 * bearer-auth errors through the lib's single mapping (`toBearerErrorResponse`), HTTP exceptions
 * and body-parser errors (malformed JSON → 400, too large → 413) with their status, anything else
 * as a 500 without message or stack (logged server-side, never sent).
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
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const response: unknown = host.switchToHttp().getResponse();
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
