// RFC 9449 end to end from the public client: the mobile app's tokens are bound to a key that
// never leaves the browser (a non-extractable Web Crypto key in IndexedDB). Every token, refresh
// and API request carries a proof signed by it; a copied access or refresh token is refused
// without it — by the API (apps/api) and by the provider (dpop_bound_access_tokens).
import { createHash } from 'node:crypto';
import { expect, type Page, type Request, test } from '@playwright/test';
import { urls } from '../support/env.js';
import { createDpopKey, createDpopProof } from '../support/dpop.js';
import { loginAndConsent, openMobileApp, signInOnMobile, startSignIn } from './mobile-helpers.js';

interface Proof {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

function decodeProof(proof: string | undefined): Proof {
  const [header, claims] = (proof ?? '').split('.');
  const json = (part: string | undefined) =>
    JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: json(header), claims: json(claims) };
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/** Every request the page sends to the provider's token endpoint or the API, in order. */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url === `${urls.provider}/token` || url.startsWith(`${urls.api}/`)) seen.push(request);
  });
  return seen;
}

function expectProof(request: Request, method: string, htu: string, accessToken?: string): Proof {
  const headers = request.headers();
  const proof = decodeProof(headers['dpop']);
  expect(proof.header).toMatchObject({
    typ: 'dpop+jwt',
    alg: 'ES256',
    jwk: { kty: 'EC', crv: 'P-256' },
  });
  expect(proof.header['jwk']).not.toHaveProperty('d');
  expect(proof.claims).toMatchObject({ htm: method, htu });
  expect(proof.claims['jti']).toEqual(expect.any(String));
  expect(Math.abs(Number(proof.claims['iat']) - Date.now() / 1000)).toBeLessThan(60);
  if (accessToken) expect(proof.claims['ath']).toBe(sha256(accessToken));
  else expect(proof.claims).not.toHaveProperty('ath');
  return proof;
}

test('token, API and refresh requests carry proofs from one non-extractable key; the bound tokens work', async ({
  page,
}) => {
  const requests = recordRequests(page);
  const tokenResponse = page.waitForResponse(
    (r) => r.url() === `${urls.provider}/token` && r.request().method() === 'POST',
  );
  await signInOnMobile(page);
  const issued = (await (await tokenResponse).json()) as Record<string, string>;
  expect(issued['token_type']).toBe('DPoP');

  // token request: a proof for POST /token, no ath
  const tokenRequest = requests.find((r) => r.url() === `${urls.provider}/token`) as Request;
  const keyProof = expectProof(tokenRequest, 'POST', `${urls.provider}/token`);
  const jwk = keyProof.header['jwk'];

  // the access token names that key (cnf.jkt) — shown decoded in the flow log
  const claims = JSON.parse(
    Buffer.from(String(issued['access_token']).split('.')[1] ?? '', 'base64url').toString(),
  ) as { cnf?: { jkt?: string } };
  expect(claims.cnf?.jkt).toMatch(/^[\w-]{43}$/);
  await expect(page.getByTestId('flow-step-dpop-key')).toContainText('private key extractable');
  await expect(page.getByTestId('flow-step-dpop-key')).toContainText(claims.cnf?.jkt ?? '');
  await expect(page.getByTestId('flow-step-dpop-proof').first()).toContainText('"typ": "dpop+jwt"');

  // API request: Authorization: DPoP <token> and a proof with ath
  await page.getByRole('button', { name: 'Call GET /me' }).click();
  await expect(page.getByTestId('api-result')).toContainText('GET /me → 200');
  const apiRequest = requests.find((r) => r.url() === `${urls.api}/me`) as Request;
  expect(apiRequest.headers()['authorization']).toBe(`DPoP ${issued['access_token']}`);
  const apiProof = expectProof(apiRequest, 'GET', `${urls.api}/me`, issued['access_token']);
  expect(apiProof.header['jwk']).toEqual(jwk);
  expect(apiProof.claims['jti']).not.toBe(keyProof.claims['jti']);

  // refresh: the bound refresh token with a proof from the same key; the new token works
  const refreshResponse = page.waitForResponse(
    (r) =>
      r.url() === `${urls.provider}/token` &&
      r.request().postData()?.includes('refresh_token') === true,
  );
  await page.getByRole('button', { name: 'Refresh tokens' }).click();
  const refreshed = (await (await refreshResponse).json()) as Record<string, string>;
  expect(refreshed['token_type']).toBe('DPoP');
  const refreshRequest = requests
    .filter((r) => r.url() === `${urls.provider}/token`)
    .at(-1) as Request;
  expect(new URLSearchParams(refreshRequest.postData() ?? '').get('grant_type')).toBe(
    'refresh_token',
  );
  expect(expectProof(refreshRequest, 'POST', `${urls.provider}/token`).header['jwk']).toEqual(jwk);
  await page.getByRole('button', { name: 'Load notes' }).click();
  await expect(page.getByTestId('api-result')).toContainText('GET /notes → 200');
  const notesRequest = requests.filter((r) => r.url() === `${urls.api}/notes`).at(-1) as Request;
  expect(notesRequest.headers()['authorization']).toBe(`DPoP ${refreshed['access_token']}`);
  expectProof(notesRequest, 'GET', `${urls.api}/notes`, refreshed['access_token']);

  // the key cannot be read out of the page: IndexedDB holds a non-extractable CryptoKey
  const extractable = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('oauth-ref-dpop', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('keys').objectStore('keys').get('dpop-key-pair');
          get.onsuccess = async () => {
            const pair = get.result as CryptoKeyPair;
            const exported = await crypto.subtle
              .exportKey('jwk', pair.privateKey)
              .then(() => 'exported')
              .catch((error: Error) => error.name);
            resolve(`${String(pair.privateKey.extractable)} ${exported}`);
          };
        };
      }),
  );
  expect(extractable).toBe('false InvalidAccessError');
});

test('a copied access token is refused without the key: as Bearer, and as DPoP with another key’s proof', async ({
  page,
  request,
}) => {
  const tokenResponse = page.waitForResponse(
    (r) => r.url() === `${urls.provider}/token` && r.request().method() === 'POST',
  );
  await signInOnMobile(page);
  const accessToken = String(
    ((await (await tokenResponse).json()) as Record<string, string>)['access_token'],
  );
  await page.getByRole('button', { name: 'Call GET /me' }).click();
  await expect(page.getByTestId('api-result')).toContainText('GET /me → 200');

  const asBearer = await request.get(`${urls.api}/me`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(asBearer.status()).toBe(401);
  expect(asBearer.headers()['www-authenticate']).toMatch(/invalid_token/);

  const noProof = await request.get(`${urls.api}/me`, {
    headers: { authorization: `DPoP ${accessToken}` },
  });
  expect(noProof.status()).toBe(401);

  const thief = await createDpopKey();
  const withThiefProof = await request.get(`${urls.api}/me`, {
    headers: {
      authorization: `DPoP ${accessToken}`,
      dpop: await createDpopProof(thief, { method: 'GET', url: `${urls.api}/me`, accessToken }),
    },
  });
  expect(withThiefProof.status()).toBe(401);
  expect(withThiefProof.headers()['www-authenticate']).toMatch(/^DPoP /);
});

test('a copied refresh token is refused by the provider without the key; the app’s own refresh still works', async ({
  page,
  request,
}) => {
  const tokenResponse = page.waitForResponse(
    (r) => r.url() === `${urls.provider}/token` && r.request().method() === 'POST',
  );
  await signInOnMobile(page);
  const refreshToken = String(
    ((await (await tokenResponse).json()) as Record<string, string>)['refresh_token'],
  );
  expect(refreshToken).not.toBe('undefined');
  const form = {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: 'oauth-ref-mobile',
  };

  const without = await request.post(`${urls.provider}/token`, { form });
  expect(without.status()).toBe(400);
  expect((await without.json()).error).toBe('invalid_grant');

  const thief = await createDpopKey();
  const withThiefProof = await request.post(`${urls.provider}/token`, {
    form,
    headers: {
      dpop: await createDpopProof(thief, { method: 'POST', url: `${urls.provider}/token` }),
    },
  });
  expect(withThiefProof.status()).toBe(400);
  expect((await withThiefProof.json()).error).toBe('invalid_grant');

  // the refusals did not spend it: the app, holding the key, refreshes with the same token
  const refreshRequest = page.waitForRequest(
    (r) => r.url() === `${urls.provider}/token` && r.postData()?.includes('refresh_token') === true,
  );
  await page.getByRole('button', { name: 'Refresh tokens' }).click();
  expect(new URLSearchParams((await refreshRequest).postData() ?? '').get('refresh_token')).toBe(
    refreshToken,
  );
  await expect(page.getByTestId('flow-step-refresh')).toBeVisible();
  await expect(page.getByTestId('session-status')).toHaveText(/^Signed in as /);
});

test('the provider refuses this client’s code exchange without a proof (dpop_bound_access_tokens)', async ({
  page,
  request,
}) => {
  // Stop the app at its callback so the test holds the real code and verifier.
  await openMobileApp(page);
  await startSignIn(page);
  // from now on the app's script is not served: the callback page stays inert and keeps the attempt
  await page.route(`${urls.mobile}/_expo/**`, (route) => route.abort());
  const callback = page.waitForURL(`${urls.mobile}/callback**`);
  await loginAndConsent(page);
  await callback;
  const code = new URL(page.url()).searchParams.get('code') ?? '';
  const pending = JSON.parse(
    (await page.evaluate(() => sessionStorage.getItem('oauth-ref.mobile.pending-attempt'))) ?? '{}',
  ) as { attempt: { codeVerifier: string; redirectUri: string; resource?: string } };
  const form = {
    grant_type: 'authorization_code',
    code,
    client_id: 'oauth-ref-mobile',
    redirect_uri: pending.attempt.redirectUri,
    code_verifier: pending.attempt.codeVerifier,
    resource: urls.api,
  };

  const withoutProof = await request.post(`${urls.provider}/token`, { form });
  expect(withoutProof.status()).toBe(400);
  expect((await withoutProof.json()).error).toBe('invalid_grant');

  // the same code, verifier and a proof: accepted and bound (the refusal did not spend the code)
  const key = await createDpopKey();
  const withProof = await request.post(`${urls.provider}/token`, {
    form,
    headers: {
      dpop: await createDpopProof(key, { method: 'POST', url: `${urls.provider}/token` }),
    },
  });
  expect(withProof.status()).toBe(200);
  const tokens = (await withProof.json()) as { token_type: string; access_token: string };
  expect(tokens.token_type).toBe('DPoP');
  const claims = JSON.parse(
    Buffer.from(tokens.access_token.split('.')[1] ?? '', 'base64url').toString(),
  ) as { cnf?: { jkt?: string } };
  expect(claims.cnf?.jkt).toBe(key.thumbprint);
});
