/**
 * First middleware of the stack: security headers on every response, an access log line without
 * query strings or bodies, and a last-resort error boundary (a generic error, never a stack trace).
 */
import type { Context, Next } from 'koa';
import type { Logger } from '../logging/logger.js';
import { CONTENT_SECURITY_POLICY } from './html.js';

/** A client error raised with `ctx.throw(4xx, message)` (body parsing, our routes) keeps its status. */
function statusFor(error: unknown): { status: number; error: string; description: string } {
  const { status, expose, message } = error as {
    status?: unknown;
    expose?: unknown;
    message?: string;
  };
  if (expose === true && typeof status === 'number' && status >= 400 && status < 500)
    return { status, error: 'invalid_request', description: message ?? 'bad request' };
  return { status: 500, error: 'server_error', description: 'internal error' };
}

export function securityHeaders(logger: Logger) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const started = performance.now();
    ctx.set('content-security-policy', CONTENT_SECURITY_POLICY);
    ctx.set('x-content-type-options', 'nosniff');
    ctx.set('x-frame-options', 'DENY');
    ctx.set('referrer-policy', 'no-referrer');
    try {
      await next();
    } catch (error) {
      const mapped = statusFor(error);
      if (mapped.status === 500) logger.error({ err: error }, 'unhandled error');
      ctx.status = mapped.status;
      ctx.set('cache-control', 'no-store');
      ctx.body = { error: mapped.error, error_description: mapped.description };
    } finally {
      // The record is built only when it is written (the level is fixed at start).
      if (logger.isLevelEnabled('info'))
        logger.info(
          {
            req: { method: ctx.method, path: ctx.path },
            res: { statusCode: ctx.status },
            responseTime: Math.round((performance.now() - started) * 10) / 10,
          },
          'request completed',
        );
    }
  };
}
