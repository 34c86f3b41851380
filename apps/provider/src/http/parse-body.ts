/**
 * Body parsing for the provider's own routes only (admin API, sign-in forms), on `@koa/bodyparser`.
 * The engine parses the bodies of its routes itself and warns when an upstream parser got there
 * first, so these are route middleware, never global. A wrong content type is 415, a body over
 * the limit 413, anything malformed 400 — thrown with `ctx.throw`, answered by `securityHeaders`.
 */
import { bodyParser } from '@koa/bodyparser';
import type { Context, Middleware } from 'koa';

type Parser = ReturnType<typeof bodyParser>;

async function parseOrRefuse(ctx: Context, parser: Parser, malformed: string): Promise<unknown> {
  try {
    await parser(ctx, async () => undefined);
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 413) ctx.throw(413, 'request body too large');
    ctx.throw(400, malformed);
  }
  return (ctx.request as { body?: unknown }).body;
}

/**
 * A JSON object body as `ctx.request.body` (an empty body is `{}`).
 *
 * @example
 * router.post('/admin/users', jsonBody(), (ctx) => createUser(ctx.request.body));
 */
export function jsonBody(limit = '64kb'): Middleware {
  const parser = bodyParser({ enableTypes: ['json'], jsonLimit: limit });
  return async (ctx, next) => {
    if (!ctx.is('application/json')) ctx.throw(415, 'expected application/json');
    const body = await parseOrRefuse(ctx, parser, 'body is not valid JSON');
    if (!body || typeof body !== 'object' || Array.isArray(body))
      ctx.throw(400, 'body must be a JSON object');
    await next();
  };
}

/**
 * An `application/x-www-form-urlencoded` body as single-valued string fields in
 * `ctx.request.body`: a repeated or bracketed (`a[b]=`) field is refused.
 *
 * @example
 * router.post('/interaction/:uid/login', formBody(), (ctx) => login(ctx.request.body));
 */
export function formBody(limit = '16kb'): Middleware {
  const parser = bodyParser({ enableTypes: ['form'], formLimit: limit });
  return async (ctx, next) => {
    if (!ctx.is('application/x-www-form-urlencoded'))
      ctx.throw(415, 'expected application/x-www-form-urlencoded');
    const body = (await parseOrRefuse(ctx, parser, 'malformed form body')) as Record<
      string,
      unknown
    >;
    for (const [key, value] of Object.entries(body ?? {})) {
      if (typeof value !== 'string') ctx.throw(400, `repeated parameter ${key}`);
    }
    await next();
  };
}

/** The body a `jsonBody()` or `formBody()` route middleware parsed. */
export function parsedBody<T = Record<string, unknown>>(ctx: Context): T {
  return ((ctx.request as { body?: unknown }).body ?? {}) as T;
}
