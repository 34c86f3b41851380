/**
 * A local test issuer: generates RS256 and ES256 signing keys with jose, serves its RFC 8414
 * metadata and its JWKS on an ephemeral port of 127.0.0.1, and signs access tokens (and ID
 * tokens, to prove they are refused). No running provider needed. For tests and benchmarks only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

export type TestSigningAlgorithm = 'RS256' | 'ES256' | 'PS256';

interface SigningKey {
  readonly kid: string;
  readonly alg: TestSigningAlgorithm;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export interface IssueTokenOptions {
  /** Default RS256. */
  alg?: TestSigningAlgorithm;
  /** Overrides the `kid` header (null: no kid). */
  kid?: string | null;
  /** Default `at+jwt`; null: no typ. */
  typ?: string | null;
  /** Extra protected header members (jku, jwk, x5u, crit, ...). */
  header?: Record<string, unknown>;
  /** Claims merged over the defaults; `undefined` values remove a default claim. */
  claims?: Record<string, unknown>;
  /** Lifetime in seconds (default 300). */
  expiresIn?: number;
}

export interface TestIssuer {
  /** `http://127.0.0.1:<port>`, the `iss` of its tokens. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** The audience its tokens carry by default. */
  readonly audience: string;
  /** Number of JWKS requests served (to prove caching and cooldown). */
  readonly jwksRequests: number;
  /** Number of discovery requests served. */
  readonly metadataRequests: number;
  /** The published public keys (JWKS). */
  readonly jwks: { keys: JWK[] };
  /** Signs an RFC 9068 access token for a user (defaults: sub alice, client oauth-ref-web). */
  issueAccessToken(options?: IssueTokenOptions): Promise<string>;
  /** Signs a client-credentials token (sub = client_id = oauth-ref-machine, scope notes:stats). */
  issueMachineToken(options?: IssueTokenOptions): Promise<string>;
  /** Signs an OIDC ID token (typ JWT) with the same keys; its aud is the API audience so only typ tells it apart. */
  issueIdToken(options?: IssueTokenOptions): Promise<string>;
  /** The public key of a signing algorithm, as PEM (for key-confusion tests). */
  publicKeyPem(alg?: TestSigningAlgorithm): Promise<string>;
  /** Replaces every key (old tokens then carry an unknown kid). */
  rotateKeys(): Promise<void>;
  /** While false, the JWKS and metadata endpoints answer 503. */
  setAvailable(available: boolean): void;
  close(): Promise<void>;
}

export interface StartTestIssuerOptions {
  audience?: string;
  /** Serve discovery metadata whose `issuer` differs from the real one (discovery tests). */
  advertisedIssuer?: string;
}

async function createSigningKey(alg: TestSigningAlgorithm): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `${alg.toLowerCase()}-${randomUUID().slice(0, 8)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicJwk };
}

async function createKeySet(): Promise<SigningKey[]> {
  return Promise.all((['RS256', 'ES256', 'PS256'] as const).map((alg) => createSigningKey(alg)));
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * Starts the test issuer on an ephemeral port.
 *
 * @example
 * const issuer = await startTestIssuer({ audience: 'http://localhost:3333' });
 * const token = await issuer.issueAccessToken({ claims: { scope: 'notes:read' } });
 * await issuer.close();
 */
export async function startTestIssuer(options: StartTestIssuerOptions = {}): Promise<TestIssuer> {
  const audience = options.audience ?? 'http://localhost:3333';
  let keys = await createKeySet();
  let available = true;
  let jwksRequests = 0;
  let metadataRequests = 0;
  let issuer = '';

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/jwks') {
      jwksRequests += 1;
      if (!available) return send(response, 503, { error: 'temporarily_unavailable' });
      return send(response, 200, { keys: keys.map((key) => key.publicJwk) });
    }
    if (
      path === '/.well-known/oauth-authorization-server' ||
      path === '/.well-known/openid-configuration'
    ) {
      metadataRequests += 1;
      if (!available) return send(response, 503, { error: 'temporarily_unavailable' });
      return send(response, 200, {
        issuer: options.advertisedIssuer ?? issuer,
        authorization_endpoint: `${issuer}/auth`,
        jwks_uri: `${issuer}/jwks`,
        token_endpoint: `${issuer}/token`,
        response_types_supported: ['code'],
      });
    }
    return send(response, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const keyFor = (alg: TestSigningAlgorithm): SigningKey => {
    const key = keys.find((candidate) => candidate.alg === alg);
    if (key === undefined) throw new Error(`no ${alg} key`);
    return key;
  };

  const sign = async (
    defaults: Record<string, unknown>,
    defaultTyp: string | null,
    opts: IssueTokenOptions,
  ) => {
    const alg = opts.alg ?? 'RS256';
    const key = keyFor(alg);
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: issuer,
      iat: now,
      exp: now + (opts.expiresIn ?? 300),
      jti: randomUUID(),
      ...defaults,
      ...opts.claims,
    };
    for (const [name, value] of Object.entries(claims))
      if (value === undefined) delete claims[name];
    const typ = opts.typ === undefined ? defaultTyp : opts.typ;
    const kid = opts.kid === undefined ? key.kid : opts.kid;
    return new SignJWT(claims as JWTPayload)
      .setProtectedHeader({
        alg,
        ...(typ !== null ? { typ } : {}),
        ...(kid !== null ? { kid } : {}),
        ...opts.header,
      })
      .sign(key.privateKey);
  };

  return {
    get issuer() {
      return issuer;
    },
    get jwksUri() {
      return `${issuer}/jwks`;
    },
    audience,
    get jwksRequests() {
      return jwksRequests;
    },
    get metadataRequests() {
      return metadataRequests;
    },
    get jwks() {
      return { keys: keys.map((key) => key.publicJwk) };
    },
    issueAccessToken: (opts = {}) =>
      sign(
        {
          aud: audience,
          sub: 'alice',
          client_id: 'oauth-ref-web',
          scope: 'openid notes:read notes:write',
        },
        'at+jwt',
        opts,
      ),
    issueMachineToken: (opts = {}) =>
      sign(
        {
          aud: audience,
          sub: 'oauth-ref-machine',
          client_id: 'oauth-ref-machine',
          scope: 'notes:stats',
        },
        'at+jwt',
        opts,
      ),
    issueIdToken: (opts = {}) =>
      sign(
        {
          aud: audience,
          sub: 'alice',
          client_id: 'oauth-ref-web',
          azp: 'oauth-ref-web',
          nonce: 'n-0S6_WzA2Mj',
        },
        'JWT',
        opts,
      ),
    publicKeyPem: async (alg = 'RS256') => {
      const { createPublicKey } = await import('node:crypto');
      return createPublicKey({ key: keyFor(alg).publicJwk as never, format: 'jwk' })
        .export({ type: 'spki', format: 'pem' })
        .toString();
    },
    rotateKeys: async () => {
      keys = await createKeySet();
    },
    setAvailable: (value) => {
      available = value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
