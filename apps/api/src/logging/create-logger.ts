/**
 * Structured JSON logs with pino, one choice for the whole app: Nest's own messages go through
 * `PinoLoggerService`, and each request is logged once when its response finishes by the HTTP
 * adapter's hook (`logRequest`). What a request log contains is whitelisted — method, path
 * WITHOUT the query string, status, duration — so no header (Authorization, Cookie) and no query
 * parameter (access_token) can ever reach a log.
 */
import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/api-config.js';

/** The path of a request URL, never its query string. */
export function pathOnly(url: string | undefined): string {
  if (url === undefined) return '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The app's pino logger (stdout unless a destination is given).
 *
 * @example
 * const logger = createLogger('info');
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'api' },
    serializers: {
      err: (error: { name?: string; message?: string; code?: unknown }) => ({
        type: error.name,
        message: error.message,
        code: error.code,
      }),
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

/**
 * Logs one finished request: `info` below 400, `warn` for 4xx, `error` for 5xx.
 *
 * @example
 * logRequest(logger, 'GET', '/me?x=1', 200, 1.7); // {"req":{"method":"GET","path":"/me"},"res":{"statusCode":200},"responseTime":1.7}
 */
export function logRequest(
  logger: Logger,
  method: string | undefined,
  url: string | undefined,
  statusCode: number,
  responseTime: number,
): void {
  const level = statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  if (url === '/health') return;
  logger[level](
    {
      req: { method, path: pathOnly(url) },
      res: { statusCode },
      responseTime: Math.round(responseTime * 10) / 10,
    },
    'request completed',
  );
}

/** Nest's LoggerService on top of pino. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    rest: unknown[],
  ): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      this.logger[level](
        { ...(message as object), context },
        typeof rest[0] === 'string' && rest.length > 1 ? rest[0] : undefined,
      );
      return;
    }
    if (message instanceof Error) {
      this.logger[level]({ err: message, context }, message.message);
      return;
    }
    this.logger[level]({ context }, String(message));
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
}
