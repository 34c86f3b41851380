import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { formBody, jsonBody, parsedBody } from './parse-body.js';
import { securityHeaders } from './security-headers.js';

let server: Server;
let base: string;

beforeAll(async () => {
  const app = new Koa();
  app.use(securityHeaders(createLogger('silent')));
  const echo = (parse: Koa.Middleware): Koa.Middleware => {
    return (ctx, next) =>
      parse(ctx, async () => {
        ctx.body = { received: parsedBody(ctx) };
        await next();
      });
  };
  const json = echo(jsonBody('1kb'));
  const form = echo(formBody('1kb'));
  app.use((ctx, next) => (ctx.path === '/json' ? json(ctx, next) : form(ctx, next)));
  server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function post(path: string, contentType: string, body: string) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('jsonBody', () => {
  it('parses a JSON object (an empty body is {})', async () => {
    expect(await post('/json', 'application/json', '{"a":1}')).toEqual({
      status: 200,
      body: { received: { a: 1 } },
    });
    expect((await post('/json', 'application/json', '')).body).toEqual({ received: {} });
  });

  it('refuses another content type (415), malformed JSON and non-objects (400), too large (413)', async () => {
    expect((await post('/json', 'text/plain', 'x')).status).toBe(415);
    const malformed = await post('/json', 'application/json', '{"a":');
    expect(malformed).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'body is not valid JSON' },
    });
    expect((await post('/json', 'application/json', '[1]')).status).toBe(400);
    expect((await post('/json', 'application/json', `{"a":"${'x'.repeat(2000)}"}`)).status).toBe(
      413,
    );
  });
});

describe('formBody', () => {
  it('parses single-valued fields', async () => {
    expect(
      (await post('/form', 'application/x-www-form-urlencoded', 'username=a&csrf=b')).body,
    ).toEqual({ received: { username: 'a', csrf: 'b' } });
  });

  it('refuses repeated and bracketed fields (400), another type (415), too large (413)', async () => {
    const repeated = await post('/form', 'application/x-www-form-urlencoded', 'csrf=a&csrf=b');
    expect(repeated).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'repeated parameter csrf' },
    });
    expect((await post('/form', 'application/x-www-form-urlencoded', 'a[b]=c')).status).toBe(400);
    expect((await post('/form', 'application/json', '{}')).status).toBe(415);
    expect(
      (await post('/form', 'application/x-www-form-urlencoded', `a=${'x'.repeat(2000)}`)).status,
    ).toBe(413);
  });
});
