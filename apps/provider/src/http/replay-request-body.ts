/**
 * Gives a request whose body a middleware has already read back its body as a stream, so the
 * engine downstream reads it itself (oidc-provider's `selective_body` reads `ctx.req` while it is
 * `readable`, and otherwise falls back to an upstream parser's `req.body` with a warning).
 *
 * `ctx.req` becomes a view of the original request (headers, URL, socket: unchanged) whose body
 * stream is a fresh one holding the same bytes. Koa's `ctx.request` keeps the original.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'koa';

/**
 * @example
 * const raw = await readAll(ctx.req);
 * replayRequestBody(ctx, raw); // the engine now parses `raw` as if it had read the socket
 */
export function replayRequestBody(ctx: Context, body: Buffer): void {
  // One chunk, handed out once: what a stream of these bytes would give, without building a
  // Readable and its async iterator on every token request.
  let consumed = false;
  async function* chunks(): AsyncGenerator<Buffer> {
    if (consumed) return;
    consumed = true;
    if (body.length > 0) yield body;
  }
  ctx.req = Object.create(ctx.req, {
    readable: { get: () => !consumed },
    readableEncoding: { value: null },
    iterator: { value: () => chunks() },
    [Symbol.asyncIterator]: { value: () => chunks() },
  }) as IncomingMessage;
}
