/**
 * A minimal OpenID provider on an ephemeral loopback port, for tests that drive next-auth's real
 * sign-in (openid-client) without the mock provider app: discovery (advertising RFC 9207
 * `authorization_response_iss_parameter_supported`), JWKS, and a token endpoint that checks
 * client_secret_basic and PKCE, issues RS256 ID tokens with the request's nonce, and refuses a
 * reused code with invalid_grant.
 */
import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IssuedCode {
  readonly codeChallenge: string;
  readonly nonce: string;
  used: boolean;
}

export interface FakeIssuer {
  readonly issuer: string;
  readonly tokenRequests: URLSearchParams[];
  /** What the provider would do after login + consent: mint a code for this authorization URL. */
  authorize(authorizationUrl: string, sub?: string): string;
  /** Tokens issued so far (to assert none of them reaches the browser). */
  readonly issuedTokens: string[];
  /** Bodies of RFC 7009 revocation requests received. */
  readonly revocations: URLSearchParams[];
  close(): Promise<void>;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export async function startFakeIssuer(clientId: string, clientSecret: string): Promise<FakeIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key';
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, IssuedCode & { sub: string }>();
  const tokenRequests: URLSearchParams[] = [];
  const issuedTokens: string[] = [];
  const revocations: URLSearchParams[] = [];
  let issuer = '';

  const signJwt = (header: object, claims: object) => {
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    return `${input}.${b64url(sign('sha256', Buffer.from(input), privateKey))}`;
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/me`,
        end_session_endpoint: `${issuer}/session/end`,
        revocation_endpoint: `${issuer}/token/revocation`,
        authorization_response_iss_parameter_supported: true,
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/token/revocation' && request.method === 'POST') {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      request.on('end', () => {
        revocations.push(new URLSearchParams(raw));
        response.writeHead(200).end();
      });
      return;
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      request.on('end', () => {
        const body = new URLSearchParams(raw);
        tokenRequests.push(body);
        const expectedAuth = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
        if (request.headers.authorization !== expectedAuth)
          return json(401, { error: 'invalid_client' });
        const code = codes.get(body.get('code') ?? '');
        if (!code || code.used)
          return json(400, {
            error: 'invalid_grant',
            error_description: 'grant request is invalid',
          });
        code.used = true;
        const verifier = body.get('code_verifier') ?? '';
        if (b64url(createHash('sha256').update(verifier).digest()) !== code.codeChallenge) {
          return json(400, {
            error: 'invalid_grant',
            error_description: 'PKCE verification failed',
          });
        }
        const now = Math.floor(Date.now() / 1000);
        const accessToken = signJwt(
          { alg: 'RS256', typ: 'at+jwt', kid },
          {
            iss: issuer,
            sub: code.sub,
            aud: 'http://localhost:3333',
            client_id: clientId,
            scope: 'openid notes:read',
            jti: randomUUID(),
            iat: now,
            exp: now + 300,
          },
        );
        const idToken = signJwt(
          { alg: 'RS256', typ: 'JWT', kid },
          {
            iss: issuer,
            sub: code.sub,
            aud: clientId,
            nonce: code.nonce,
            iat: now,
            exp: now + 300,
            name: 'Alice Liddell',
            email: 'alice@example.com',
          },
        );
        const refreshToken = `rt-${randomUUID()}-${randomUUID()}`;
        issuedTokens.push(accessToken, idToken, refreshToken);
        return json(200, {
          access_token: accessToken,
          id_token: idToken,
          refresh_token: refreshToken,
          token_type: 'Bearer',
          expires_in: 300,
          scope: 'openid profile email offline_access notes:read notes:write',
        });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    tokenRequests,
    issuedTokens,
    revocations,
    authorize(authorizationUrl, sub = '7b0f3c5e-2c1a-4d8e-9f4b-a11ce0000001') {
      const params = new URL(authorizationUrl).searchParams;
      const code = `code-${randomUUID()}`;
      codes.set(code, {
        codeChallenge: params.get('code_challenge') ?? '',
        nonce: params.get('nonce') ?? '',
        used: false,
        sub,
      });
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
