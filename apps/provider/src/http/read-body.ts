/**
 * Reads a small request body for the provider's own routes (the engine parses its own). Bodies over
 * the limit and unexpected content types are refused with typed errors the router maps to 413/415.
 */
import type { Context } from 'koa';

export class BodyTooLargeError extends Error {
  readonly code = 'BODY_TOO_LARGE';
}
export class UnsupportedContentTypeError extends Error {
  readonly code = 'UNSUPPORTED_CONTENT_TYPE';
}
export class MalformedBodyError extends Error {
  readonly code = 'MALFORMED_BODY';
}

async function readRaw(ctx: Context, limit: number): Promise<string> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) throw new BodyTooLargeError('request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An `application/x-www-form-urlencoded` body as single-valued fields (repeated names refused). */
export async function readForm(ctx: Context, limit = 16 * 1024): Promise<Record<string, string>> {
  if (!ctx.is('application/x-www-form-urlencoded')) {
    throw new UnsupportedContentTypeError('expected application/x-www-form-urlencoded');
  }
  const params = new URLSearchParams(await readRaw(ctx, limit));
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in out) throw new MalformedBodyError(`repeated parameter ${key}`);
    out[key] = value;
  }
  return out;
}

/** A JSON object body. */
export async function readJson(ctx: Context, limit = 64 * 1024): Promise<Record<string, unknown>> {
  if (!ctx.is('application/json'))
    throw new UnsupportedContentTypeError('expected application/json');
  const raw = await readRaw(ctx, limit);
  let value: unknown;
  try {
    value = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    throw new MalformedBodyError('body is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new MalformedBodyError('body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
