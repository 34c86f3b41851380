/**
 * The baseline: a `node:http` server doing the API's checks with jose alone — the floor of what
 * Node can do. Bearer: alg allowlist, typ at+jwt, iss, aud, exp/nbf with leeway, the required
 * claims, and a `cnf`-bound token refused. DPoP: the same, then the proof — typ, alg allowlist,
 * public `jwk` only, signature, htm, htu, iat window, ath, `cnf.jkt` thumbprint — and its `jti`
 * claimed ONCE in a shared store (`bare-replay-store.ts`), as the API must across instances.
 *
 * Its 200 is the API's, byte for byte in kind: the same `/me` view (`describe-caller.ts`: sub,
 * client_id, iss, kind, scopes, expires_at, expires_in) and the same headers (the security
 * headers, `Vary: Origin`, the JSON content type, a content length), written in one `writeHead`
 * — the cheapest way Node can send them. Comparing a 3-field body without those headers would
 * charge the API for answering more, not for the framework.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  calculateJwkThumbprint,
  createRemoteJWKSet,
  EmbeddedJWK,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import { SECURITY_HEADERS } from '../http/security-headers.js';
import { createBareReplayStore, type ClaimKey } from './bare-replay-store.js';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const PROOF_MAX_AGE_SECONDS = 60;
const LEEWAY_SECONDS = 30;

/** The headers of the API's `/me` 200 (security headers, CORS `Vary`, JSON), bar the length. */
const OK_HEADERS = Object.freeze({
  ...SECURITY_HEADERS,
  vary: 'Origin',
  'content-type': 'application/json; charset=utf-8',
});

/** The API's `/me` view of verified claims (`describe-caller.ts`), from the payload directly. */
function describeClaims(payload: JWTPayload): string {
  const scope = payload['scope'];
  const exp = payload.exp ?? 0;
  return JSON.stringify({
    sub: payload.sub,
    client_id: payload['client_id'],
    iss: payload.iss,
    kind: payload.sub === payload['client_id'] ? 'machine' : 'user',
    scopes: typeof scope === 'string' ? scope.split(' ') : [],
    expires_at: new Date(exp * 1000).toISOString(),
    expires_in: Math.max(0, exp - Math.floor(Date.now() / 1000)),
  });
}

async function checkProof(
  proof: string,
  token: string,
  claims: JWTPayload,
  method: string,
  htu: string,
  claim: ClaimKey,
): Promise<void> {
  const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, {
    typ: 'dpop+jwt',
    algorithms: ['ES256', 'EdDSA', 'PS256', 'RS256'],
  });
  const jwk = protectedHeader.jwk ?? {};
  if (PRIVATE_MEMBERS.some((member) => member in jwk)) throw new Error('private jwk');
  const now = Math.floor(Date.now() / 1000);
  const iat = payload.iat ?? 0;
  if (payload['htm'] !== method || payload['htu'] !== htu) throw new Error('htm/htu');
  if (now - iat > PROOF_MAX_AGE_SECONDS || iat - now > LEEWAY_SECONDS) throw new Error('iat');
  if (typeof payload.jti !== 'string') throw new Error('jti');
  if (payload['ath'] !== createHash('sha256').update(token).digest('base64url'))
    throw new Error('ath');
  const jkt = (claims['cnf'] as { jkt?: string } | undefined)?.jkt;
  const thumbprint = await calculateJwkThumbprint(jwk, 'sha256');
  if (jkt !== thumbprint) throw new Error('jkt');
  const key = `dpop:${createHash('sha256').update(`${thumbprint}:${payload.jti}`).digest('base64url')}`;
  const expiresAt = new Date((iat + PROOF_MAX_AGE_SECONDS + LEEWAY_SECONDS) * 1000);
  if (!(await claim(key, expiresAt))) throw new Error('replay');
}

/**
 * Starts the bare server on a free loopback port; resolves with the port.
 *
 * @example
 * const port = await startBareServer('http://127.0.0.1:4000', 'http://localhost:3333', undefined);
 */
export async function startBareServer(
  issuer: string,
  audience: string,
  redisUrl: string | undefined,
): Promise<number> {
  const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
  const claim = await createBareReplayStore(redisUrl);
  const htu = `${audience}/me`;
  const server = createServer((request, response) => {
    const match = /^(Bearer|DPoP) ([^ ]+)$/i.exec(request.headers.authorization ?? '');
    const token = match?.[2];
    if (request.url !== '/me' || token === undefined) {
      response.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      return;
    }
    const dpop = match?.[1]?.toLowerCase() === 'dpop';
    const proof = request.headers['dpop'];
    jwtVerify(token, jwks, {
      issuer,
      audience,
      algorithms: ['RS256', 'PS256', 'ES256'],
      typ: 'at+jwt',
      clockTolerance: LEEWAY_SECONDS,
      requiredClaims: ['sub', 'client_id', 'iat', 'exp', 'jti'],
    })
      .then(async ({ payload }) => {
        if (dpop) {
          if (typeof proof !== 'string') throw new Error('no proof');
          await checkProof(proof, token, payload, request.method ?? '', htu, claim);
        } else if (payload['cnf'] !== undefined) throw new Error('bound token as Bearer');
        return payload;
      })
      .then(
        (payload) => {
          const body = describeClaims(payload);
          response.writeHead(200, { ...OK_HEADERS, 'content-length': Buffer.byteLength(body) });
          response.end(body);
        },
        () => response.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end(),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}
