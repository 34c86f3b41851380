/** How every admin route answers: JSON, never cached; validation failures as RFC 6749 errors. */
import type { Context } from 'koa';
import type { z } from 'zod';

export function sendJson(ctx: Context, status: number, body?: unknown): void {
  ctx.status = status;
  ctx.set('cache-control', 'no-store');
  if (body !== undefined) ctx.body = body;
}

export function sendInvalid(ctx: Context, error: z.ZodError): void {
  sendJson(ctx, 400, {
    error: 'invalid_request',
    error_description: error.issues
      .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
      .join('; '),
  });
}
