/**
 * Test helper: a provider token endpoint and an API `GET /me` that enforce, in a few lines each,
 * the rules the lab attacks (DPoP binding and single-use proofs, access token type, PKCE S256,
 * single-use codes, refresh rotation with reuse detection). Each rule can be switched off, so each
 * attack's test also shows the lab reporting `accepted` when the defence is missing.
 */
import { createHash } from 'node:crypto';
import type * as oauth from 'oauth4webapi';

export interface Defences {
  bearerRefusedForBoundTokens: boolean;
  proofRequired: boolean;
  proofKeyBound: boolean;
  jtiSingleUse: boolean;
  accessTokenTypeChecked: boolean;
  refreshTokenBound: boolean;
  pkceChecked: boolean;
  codeSingleUse: boolean;
  reuseRevokesFamily: boolean;
}

const allOn: Defences = {
  bearerRefusedForBoundTokens: true,
  proofRequired: true,
  proofKeyBound: true,
  jtiSingleUse: true,
  accessTokenTypeChecked: true,
  refreshTokenBound: true,
  pkceChecked: true,
  codeSingleUse: true,
  reuseRevokesFamily: true,
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

function decodePart(jwt: string, index: number): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[index] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

function thumbprint(jwk: Record<string, unknown>): string {
  const canonical = JSON.stringify({ crv: jwk['crv'], kty: jwk['kty'], x: jwk['x'], y: jwk['y'] });
  return createHash('sha256').update(canonical).digest('base64url');
}

const fakeJwt = (header: object, payload: object) =>
  `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

/** Builds the fake stack; `boundTo` is the thumbprint of the app's key. */
export function createFakeLabStack(boundTo: string, switchedOff: Partial<Defences> = {}) {
  const on: Defences = {
    ...allOn,
    ...Object.fromEntries(
      Object.keys(switchedOff).map((k) => [k, !switchedOff[k as keyof Defences]]),
    ),
  };
  const accessToken = fakeJwt({ typ: 'at+jwt', alg: 'ES256' }, { cnf: { jkt: boundTo } });
  const idToken = fakeJwt({ typ: 'JWT', alg: 'RS256' }, { aud: 'oauth-ref-mobile' });
  const verifier = 'v'.repeat(43);
  const code = {
    value: 'code-1',
    challenge: createHash('sha256').update(verifier).digest('base64url'),
    consumed: true,
  };
  const refresh = { current: 'rt-1', spent: new Set<string>(), familyRevoked: false, counter: 1 };
  const seenJti = new Set<string>();
  const requests: { url: string; headers: Headers; form?: URLSearchParams }[] = [];

  function checkProof(headers: Headers): boolean {
    const proof = headers.get('dpop');
    if (!proof) return !on.proofRequired;
    const header = decodePart(proof, 0);
    const claims = decodePart(proof, 1);
    if (on.proofKeyBound && thumbprint(header['jwk'] as Record<string, unknown>) !== boundTo)
      return false;
    if (on.jtiSingleUse && seenJti.has(String(claims['jti']))) return false;
    seenJti.add(String(claims['jti']));
    return true;
  }

  function api(headers: Headers): Response {
    const [scheme, token] = (headers.get('authorization') ?? '').split(' ');
    const refuse = () =>
      json(401, { error: 'invalid_token' }, { 'www-authenticate': 'DPoP error="invalid_token"' });
    if (token !== accessToken && !(token === idToken && !on.accessTokenTypeChecked))
      return refuse();
    if (scheme === 'Bearer')
      return on.bearerRefusedForBoundTokens ? refuse() : json(200, { sub: 'alice' });
    return checkProof(headers) ? json(200, { sub: 'alice' }) : refuse();
  }

  function token(headers: Headers, form: URLSearchParams): Response {
    const refuse = () =>
      json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' });
    if (form.get('grant_type') === 'authorization_code') {
      if (form.get('code') !== code.value) return refuse();
      const hash = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (on.pkceChecked && hash !== code.challenge) return refuse();
      if (on.codeSingleUse && code.consumed) {
        refresh.familyRevoked = true;
        return refuse();
      }
      return json(200, { access_token: accessToken, token_type: 'DPoP', expires_in: 60 });
    }
    const presented = form.get('refresh_token') ?? '';
    if (on.refreshTokenBound && !headers.get('dpop')) return refuse();
    if (refresh.familyRevoked) return refuse();
    if (refresh.spent.has(presented)) {
      if (on.reuseRevokesFamily) refresh.familyRevoked = true;
      return refuse();
    }
    if (presented !== refresh.current) return refuse();
    refresh.spent.add(presented);
    refresh.counter += 1;
    refresh.current = `rt-${refresh.counter}`;
    return json(200, {
      access_token: accessToken,
      token_type: 'DPoP',
      expires_in: 60,
      refresh_token: refresh.current,
    });
  }

  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    const form = init?.body instanceof URLSearchParams ? init.body : undefined;
    requests.push({ url: url.href, headers, form });
    if (url.href === 'http://localhost:3333/me') return api(headers);
    if (url.href === 'http://localhost:4000/token')
      return token(headers, form ?? new URLSearchParams());
    return json(404, { error: 'not_found' });
  }) as typeof globalThis.fetch;

  const as: oauth.AuthorizationServer = {
    issuer: 'http://localhost:4000',
    token_endpoint: 'http://localhost:4000/token',
  };
  return {
    as,
    fetch,
    requests,
    refresh,
    session: { accessToken, idToken },
    spentCode: {
      code: code.value,
      codeVerifier: verifier,
      redirectUri: 'http://localhost:8081/callback',
    },
  };
}
