/**
 * Structured JSON logs with pino (nestjs-pino + pino-http), one line per request. What a request
 * log contains is whitelisted: method, path WITHOUT the query string, status, time, request id.
 * No header is logged, so `Authorization` (and cookies) can never reach a log; tokens in a query
 * string are refused by the API and the query is dropped from the logged URL anyway.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { LogLevel } from '../config/api-config.js';

/** The path of a request URL, never its query string. */
export function pathOnly(url: string | undefined): string {
  if (url === undefined) return '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The nestjs-pino options of the API.
 *
 * @example
 * LoggerModule.forRoot(loggerParams('info'));
 */
export function loggerParams(level: LogLevel, destination?: DestinationStream): Params {
  const options = {
    level,
    // never log headers, bodies or query strings: they may carry credentials
    serializers: {
      req: (request: { id?: unknown; method?: string; url?: string; remoteAddress?: string }) => ({
        id: request.id,
        method: request.method,
        path: pathOnly(request.url),
        remoteAddress: request.remoteAddress,
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
      err: (error: { type?: string; message?: string; code?: unknown }) => ({
        type: error.type,
        message: error.message,
        code: error.code,
      }),
    },
    redact: {
      paths: [
        'req.headers',
        'headers',
        'authorization',
        '*.authorization',
        'access_token',
        '*.access_token',
      ],
      censor: '[redacted]',
    },
    autoLogging: {
      ignore: (request: IncomingMessage) => request.url === '/health',
    },
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error !== undefined || response.statusCode >= 500
        ? 'error'
        : response.statusCode >= 400
          ? 'warn'
          : 'info',
  };
  return {
    pinoHttp: destination === undefined ? options : [options, destination],
    forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
  } as Params;
}
