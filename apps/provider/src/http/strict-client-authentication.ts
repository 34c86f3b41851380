/**
 * Client authentication strictly as registered (RFC 6749 §2.3.1, OIDC Core §9, RFC 7591
 * `token_endpoint_auth_method`). The engine accepts a secret presented either way
 * (`client_secret_basic` and `client_secret_post` are interchangeable in its `client_auth.js`);
 * we do not: a client authenticates only with the one method it registered, at the token,
 * revocation and introspection endpoints, or gets `invalid_client` (401).
 *
 * With an `Authorization` header the header alone says what was presented, and the body is left
 * for the engine to read. Without one, the body is read here (form bodies only, same limit as the
 * engine) and handed back to the engine as the readable stream it parses itself
 * (`replayRequestBody`): no upstream-parsed `req.body`, so the engine parses exactly as it would
 * without us (and has nothing to warn about).
 */
import type { Context, Middleware } from 'koa';
import { decodeJwt } from 'jose';
import type Provider from 'oidc-provider';
import { replayRequestBody } from './replay-request-body.js';

const CLIENT_AUTH_PATHS: ReadonlySet<string> = new Set([
  '/token',
  '/token/revocation',
  '/token/introspection',
]);
const BODY_LIMIT = 56 * 1024;
/** The body's parameters when the body is not read (an `Authorization` header was sent). */
const NO_PARAMS: URLSearchParams = new URLSearchParams();

type Presented = 'client_secret_basic' | 'client_secret_post' | 'jwt' | 'none';

const ACCEPTS: Record<Presented, readonly string[]> = {
  client_secret_basic: ['client_secret_basic'],
  client_secret_post: ['client_secret_post'],
  jwt: ['client_secret_jwt', 'private_key_jwt'],
  none: ['none'],
};

/**
 * The whole body, or undefined over the limit (the request is then destroyed, as an abandoned
 * async iteration of it would). Read with stream events: an async iterator costs a generator and a
 * promise per chunk, on every token request.
 */
function readBody(ctx: Context): Promise<Buffer | undefined> {
  const req = ctx.req;
  if (Number(ctx.get('content-length') || 0) > BODY_LIMIT) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) return void chunks.push(chunk);
      cleanup();
      req.destroy();
      resolve(undefined);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => onError(new Error('request closed before its body ended'));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('close', onClose);
  });
}

function basicClientId(authorization: string): string | undefined {
  const match = /^basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return undefined;
  try {
    return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function assertionSubject(assertion: string): string | undefined {
  try {
    const { sub } = decodeJwt(assertion);
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}

/** Which method the request presents, and for which client (undefined: let the engine refuse it). */
export function presentedClientAuthentication(
  authorization: string | undefined,
  params: URLSearchParams,
): { method: Presented; clientId: string } | undefined {
  const clientId = params.get('client_id') ?? undefined;
  if (authorization) {
    const id = basicClientId(authorization);
    return id ? { method: 'client_secret_basic', clientId: id } : undefined;
  }
  if (params.has('client_secret'))
    return clientId ? { method: 'client_secret_post', clientId } : undefined;
  const assertion = params.get('client_assertion');
  if (assertion !== null) {
    const sub = assertionSubject(assertion) ?? clientId;
    return sub ? { method: 'jwt', clientId: sub } : undefined;
  }
  return clientId ? { method: 'none', clientId } : undefined;
}

function refuse(ctx: Context, presented: Presented): void {
  ctx.status = 401;
  ctx.set('cache-control', 'no-store');
  if (presented === 'client_secret_basic') ctx.set('www-authenticate', 'Basic realm="oauth-ref"');
  ctx.body = {
    error: 'invalid_client',
    error_description:
      'client authentication failed: use the token_endpoint_auth_method the client registered',
  };
}

export function strictClientAuthentication(provider: Provider): Middleware {
  return async (ctx, next) => {
    if (
      ctx.method !== 'POST' ||
      !CLIENT_AUTH_PATHS.has(ctx.path) ||
      !ctx.is('application/x-www-form-urlencoded')
    )
      return next();
    const authorization = ctx.get('authorization') || undefined;
    let params = NO_PARAMS;
    if (!authorization) {
      const raw = await readBody(ctx);
      if (raw === undefined) {
        ctx.status = 413;
        ctx.set('cache-control', 'no-store');
        ctx.body = { error: 'invalid_request', error_description: 'request body too large' };
        return;
      }
      params = new URLSearchParams(raw.toString('utf8'));
      replayRequestBody(ctx, raw);
    }
    const presented = presentedClientAuthentication(authorization, params);
    if (presented) {
      const client = await provider.Client.find(presented.clientId).catch(() => undefined);
      if (client && !ACCEPTS[presented.method].includes(client.clientAuthMethod ?? '')) {
        refuse(ctx, presented.method);
        return;
      }
    }
    return next();
  };
}
