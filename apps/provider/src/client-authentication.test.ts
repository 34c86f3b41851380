/**
 * Client authentication strictly as registered (RFC 6749 §2.3, OIDC Core §9, RFC 7591
 * `token_endpoint_auth_method`): a client authenticates only with the method it registered, at
 * every endpoint that authenticates clients. A `client_secret_basic` client presenting its secret
 * in the body, a `none` client presenting a secret, a secret-based client presenting a JWT
 * assertion — each is `invalid_client` (401) even when the secret itself is right. The rule is the
 * engine's (`client_auth.js`: "the provided authentication mechanism does not match the registered
 * client authentication method"); these tests pin it for our configuration.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { mobileClient, webClient } from '@oauth-ref/demo-config';
import { basicAuth } from './testing/oauth-flows.js';
import {
  startTestProvider,
  TEST_ADMIN_TOKEN,
  type TestProvider,
} from './testing/start-test-provider.js';

let provider: TestProvider;
const postClient = { id: `post-${randomUUID()}`, secret: `secret-${randomUUID()}` };
const jwtClient = { id: `jwt-${randomUUID()}` };
let jwtKeys: Awaited<ReturnType<typeof generateKeyPair>>;

async function register(metadata: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${provider.issuer}/admin/clients`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: ['https://rp.example/callback'],
      scope: 'openid',
      ...metadata,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

beforeAll(async () => {
  provider = await startTestProvider({ logLevel: 'warn' });
  jwtKeys = await generateKeyPair('ES256', { extractable: true });
  await register({
    client_id: postClient.id,
    client_secret: postClient.secret,
    token_endpoint_auth_method: 'client_secret_post',
  });
  await register({
    client_id: jwtClient.id,
    token_endpoint_auth_method: 'private_key_jwt',
    token_endpoint_auth_signing_alg: 'ES256',
    jwks: { keys: [{ ...(await exportJWK(jwtKeys.publicKey)), kid: 'k1', alg: 'ES256' }] },
  });
});
afterAll(async () => provider?.stop());

async function clientAssertion(clientId: string, audience: string): Promise<string> {
  return new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('1m')
    .sign(jwtKeys.privateKey);
}

type Presentation = { headers: Record<string, string>; body: Record<string, string> };

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** How each client presents itself: the registered way and the wrong ways. */
async function presentations(): Promise<
  { name: string; registered: Presentation; wrong: Record<string, Presentation> }[]
> {
  const web = { id: webClient.clientId, secret: webClient.clientSecret! };
  return [
    {
      name: 'client_secret_basic (oauth-ref-web)',
      registered: { headers: { authorization: basicAuth(web.id, web.secret) }, body: {} },
      wrong: {
        client_secret_post: { headers: {}, body: { client_id: web.id, client_secret: web.secret } },
        none: { headers: {}, body: { client_id: web.id } },
        private_key_jwt: {
          headers: {},
          body: {
            client_id: web.id,
            client_assertion_type: ASSERTION_TYPE,
            client_assertion: await clientAssertion(web.id, provider.issuer),
          },
        },
      },
    },
    {
      name: 'client_secret_post',
      registered: {
        headers: {},
        body: { client_id: postClient.id, client_secret: postClient.secret },
      },
      wrong: {
        client_secret_basic: {
          headers: { authorization: basicAuth(postClient.id, postClient.secret) },
          body: {},
        },
        none: { headers: {}, body: { client_id: postClient.id } },
      },
    },
    {
      name: 'none (oauth-ref-mobile)',
      registered: { headers: {}, body: { client_id: mobileClient.clientId } },
      wrong: {
        client_secret_post: {
          headers: {},
          body: { client_id: mobileClient.clientId, client_secret: 'anything-at-all' },
        },
        client_secret_basic: {
          headers: { authorization: basicAuth(mobileClient.clientId, 'anything-at-all') },
          body: {},
        },
      },
    },
    {
      name: 'private_key_jwt',
      registered: {
        headers: {},
        body: {
          client_id: jwtClient.id,
          client_assertion_type: ASSERTION_TYPE,
          client_assertion: await clientAssertion(jwtClient.id, provider.issuer),
        },
      },
      wrong: {
        client_secret_basic: {
          headers: { authorization: basicAuth(jwtClient.id, 'guessed-secret') },
          body: {},
        },
        none: { headers: {}, body: { client_id: jwtClient.id } },
      },
    },
  ];
}

const ENDPOINTS = {
  token: {
    path: '/token',
    form: {
      grant_type: 'authorization_code',
      code: 'not-a-code',
      redirect_uri: 'https://rp.example/callback',
    },
  },
  revocation: { path: '/token/revocation', form: { token: 'not-a-token' } },
  introspection: { path: '/token/introspection', form: { token: 'not-a-token' } },
} as const;

async function call(path: string, form: Record<string, string>, presentation: Presentation) {
  const response = await fetch(`${provider.issuer}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...presentation.headers },
    body: new URLSearchParams({ ...form, ...presentation.body }).toString(),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

describe.each(Object.entries(ENDPOINTS))(
  'client authentication at the %s endpoint',
  (endpoint, { path, form }) => {
    it('accepts each client only by its registered method; any other method is invalid_client', async () => {
      for (const client of await presentations()) {
        const accepted = await call(path, form, client.registered);
        expect(accepted.body.error, `${client.name} registered method`).not.toBe('invalid_client');
        if (endpoint === 'token') expect(accepted.body.error, client.name).toBe('invalid_grant');
        else expect(accepted.status, client.name).toBe(200);
        for (const [method, presentation] of Object.entries(client.wrong)) {
          const refused = await call(path, form, presentation);
          expect(refused.status, `${client.name} via ${method}`).toBe(401);
          expect(refused.body.error, `${client.name} via ${method}`).toBe('invalid_client');
        }
      }
    });
  },
);
