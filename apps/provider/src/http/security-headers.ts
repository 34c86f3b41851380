/**
 * First middleware of the stack: security headers on every response, an access log line without
 * query strings or bodies, and a last-resort error boundary (a generic error, never a stack trace).
 */
import type { Context, Next } from 'koa';
import type { Logger } from '../logging/logger.js';
import { describeError } from '../logging/logger.js';
import { CONTENT_SECURITY_POLICY } from './html.js';
import { BodyTooLargeError, MalformedBodyError, UnsupportedContentTypeError } from './read-body.js';

function statusFor(error: unknown): { status: number; error: string; description: string } {
  if (error instanceof BodyTooLargeError)
    return { status: 413, error: 'invalid_request', description: 'request body too large' };
  if (error instanceof UnsupportedContentTypeError)
    return { status: 415, error: 'invalid_request', description: error.message };
  if (error instanceof MalformedBodyError)
    return { status: 400, error: 'invalid_request', description: error.message };
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
      if (mapped.status === 500) logger.error('unhandled error', describeError(error));
      ctx.status = mapped.status;
      ctx.set('cache-control', 'no-store');
      ctx.body = { error: mapped.error, error_description: mapped.description };
    } finally {
      logger.info('request', {
        method: ctx.method,
        path: ctx.path,
        status: ctx.status,
        ms: Math.round(performance.now() - started),
      });
    }
  };
}
