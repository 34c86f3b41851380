/**
 * Test helper: an in-process authorization server good enough to drive the whole PKCE flow through
 * oauth4webapi without a network. It checks PKCE for real (S256 of the verifier must equal the
 * stored challenge), signs ID tokens with a real RS256 key, rotates refresh tokens and treats the
 * reuse of a rotated one as theft (the whole grant is revoked), like the mock provider does.
 * A token request carrying a `DPoP` header gets `token_type: DPoP` (the proof itself is not
 * verified here: the DPoP unit tests verify proofs with Web Crypto).
 */
import { createHash, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import type * as oauth from 'oauth4webapi';

export interface FakeAuthorizationServerOptions {
  readonly issuer?: string;
  readonly clientId?: string;
  /** Overrides applied to every ID token issued (to test nonce / iss / aud refusals). */
  readonly idTokenOverrides?: Record<string, unknown>;
  readonly advertiseIss?: boolean;
  readonly issueRefreshTokens?: boolean;
  readonly rotateRefreshTokens?: boolean;
}

interface PendingCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly nonce: string | null;
  readonly scope: string;
}

export interface FakeAuthorizationServer {
  readonly metadata: oauth.AuthorizationServer;
  readonly fetch: typeof fetch;
  /** Every request the server received (method, path, form body). */
  readonly requests: { method: string; path: string; form: URLSearchParams }[];
  /** Simulates the user signing in and consenting: returns the callback URL. */
  authorize(authorizationUrl: URL): URL;
  /** Refresh tokens revoked so far (by revocation or reuse detection). */
  readonly revoked: Set<string>;
}

let signingKey: KeyObject | undefined;

const base64url = (input: Buffer | string) => Buffer.from(input).toString('base64url');

/** Creates a fake authorization server (see module comment). */
export function createFakeAuthorizationServer(
  options: FakeAuthorizationServerOptions = {},
): FakeAuthorizationServer {
  const issuer = options.issuer ?? 'http://localhost:4000';
  const privateKey = (signingKey ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
  }).privateKey);
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Map<
    string,
    { family: string; used: boolean; scope: string; clientId: string }
  >();
  const revokedFamilies = new Set<string>();
  const revoked = new Set<string>();
  const requests: FakeAuthorizationServer['requests'] = [];

  const metadata: oauth.AuthorizationServer = {
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    revocation_endpoint: `${issuer}/token/revocation`,
    end_session_endpoint: `${issuer}/session/end`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: options.advertiseIss ?? true,
    id_token_signing_alg_values_supported: ['RS256'],
  };

  const signJwt = (payload: Record<string, unknown>) => {
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'test' }));
    const body = base64url(JSON.stringify(payload));
    const signature = sign('sha256', Buffer.from(`${header}.${body}`), privateKey);
    return `${header}.${body}.${base64url(signature)}`;
  };

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  const issueTokens = (clientId: string, scope: string, nonce: string | null, family: string) => {
    const now = Math.floor(Date.now() / 1000);
    const body: Record<string, unknown> = {
      access_token: signJwt({
        iss: issuer,
        sub: 'alice',
        aud: 'http://localhost:3333',
        client_id: clientId,
        scope,
        iat: now,
        exp: now + 600,
        jti: randomUUID(),
      }),
      token_type: dpopBound ? 'DPoP' : 'Bearer',
      expires_in: 600,
      scope,
    };
    if (scope.split(' ').includes('openid')) {
      body.id_token = signJwt({
        iss: issuer,
        sub: 'alice',
        aud: clientId,
        iat: now,
        exp: now + 600,
        ...(nonce ? { nonce } : {}),
        ...options.idTokenOverrides,
      });
    }
    if (options.issueRefreshTokens ?? true) {
      const refreshToken = `rt-${randomUUID()}`;
      refreshTokens.set(refreshToken, { family, used: false, scope, clientId });
      body.refresh_token = refreshToken;
    }
    return body;
  };

  let dpopBound = false;
  const handle = async (
    url: URL,
    method: string,
    form: URLSearchParams,
    headers: Headers,
  ): Promise<Response> => {
    requests.push({ method, path: url.pathname, form });
    dpopBound = headers.has('dpop');
    if (url.pathname === '/.well-known/openid-configuration') return json(200, metadata);
    if (url.pathname === '/token/revocation') {
      const token = form.get('token') ?? '';
      const record = refreshTokens.get(token);
      if (record) revokedFamilies.add(record.family);
      revoked.add(token);
      return new Response(null, { status: 200 });
    }
    if (url.pathname !== '/token') return json(404, { error: 'not_found' });
    if (form.has('client_secret'))
      return json(400, {
        error: 'invalid_client',
        error_description: 'public client sent a secret',
      });
    if (form.get('grant_type') === 'authorization_code') {
      const pending = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (!pending)
        return json(400, { error: 'invalid_grant', error_description: 'unknown or used code' });
      const challenge = base64url(
        createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest(),
      );
      if (challenge !== pending.challenge)
        return json(400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
      if (form.get('redirect_uri') !== pending.redirectUri)
        return json(400, { error: 'invalid_grant', error_description: 'redirect_uri mismatch' });
      return json(200, issueTokens(pending.clientId, pending.scope, pending.nonce, randomUUID()));
    }
    if (form.get('grant_type') === 'refresh_token') {
      const token = form.get('refresh_token') ?? '';
      const record = refreshTokens.get(token);
      if (!record || revokedFamilies.has(record.family)) {
        return json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' });
      }
      if (record.used) {
        revokedFamilies.add(record.family);
        return json(400, {
          error: 'invalid_grant',
          error_description: 'refresh token reused: grant revoked',
        });
      }
      if (options.rotateRefreshTokens ?? true) {
        record.used = true;
        return json(200, issueTokens(record.clientId, record.scope, null, record.family));
      }
      const body = issueTokens(record.clientId, record.scope, null, record.family);
      refreshTokens.delete(String(body.refresh_token));
      return json(200, { ...body, refresh_token: token });
    }
    return json(400, { error: 'unsupported_grant_type' });
  };

  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = init?.body;
    const form =
      body instanceof URLSearchParams
        ? body
        : new URLSearchParams(typeof body === 'string' ? body : '');
    return handle(url, init?.method ?? 'GET', form, new Headers(init?.headers));
  }) as typeof fetch;

  return {
    metadata,
    fetch: fakeFetch,
    requests,
    revoked,
    authorize(authorizationUrl) {
      const params = authorizationUrl.searchParams;
      if (params.get('code_challenge_method') !== 'S256') throw new Error('fake AS: S256 required');
      const code = `code-${randomUUID()}`;
      codes.set(code, {
        clientId: params.get('client_id') ?? '',
        redirectUri: params.get('redirect_uri') ?? '',
        challenge: params.get('code_challenge') ?? '',
        nonce: params.get('nonce'),
        scope: params.get('scope') ?? '',
      });
      const callback = new URL(params.get('redirect_uri') ?? '');
      callback.searchParams.set('code', code);
      const state = params.get('state');
      if (state !== null) callback.searchParams.set('state', state);
      if (metadata.authorization_response_iss_parameter_supported)
        callback.searchParams.set('iss', issuer);
      return callback;
    },
  };
}
