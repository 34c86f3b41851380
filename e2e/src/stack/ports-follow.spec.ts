// Every URL that depends on a port follows it. `npm test` runs the PostgreSQL pass of this suite
// with PROVIDER_PORT=4100 API_PORT=3433 WEB_PORT=3100 MOBILE_PORT=8181, so every sign-in, API call
// and sign-out spec also runs on moved ports; these checks say which URL would have stayed behind.
import { expect, test } from '@playwright/test';
import { urls } from '../support/env.js';

test('the provider is the issuer at its (maybe moved) port', async ({ request }) => {
  const discovery = await (
    await request.get(`${urls.provider}/.well-known/openid-configuration`)
  ).json();
  expect(discovery.issuer).toBe(urls.provider);
});

test("the API's protected resource metadata names its own URL and the issuer", async ({
  request,
}) => {
  const metadata = await (
    await request.get(`${urls.api}/.well-known/oauth-protected-resource`)
  ).json();
  expect(metadata.resource).toBe(urls.api);
  expect(metadata.authorization_servers).toEqual([urls.provider]);
});

test('the mobile bundle was built against the issuer and API at their ports', async ({
  request,
}) => {
  const html = await (await request.get(`${urls.mobile}/`)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
  const bundles = await Promise.all(
    scripts.map(async (src) => (await request.get(new URL(src, urls.mobile).toString())).text()),
  );
  expect(bundles.join('\n')).toContain(urls.provider);
  expect(bundles.join('\n')).toContain(urls.api);
});

test('the API lets the web and mobile origins call it (CORS), and no other', async ({
  request,
}) => {
  const preflight = (origin: string) =>
    request.fetch(`${urls.api}/notes`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
  for (const origin of [urls.web, urls.mobile]) {
    expect((await preflight(origin)).headers()['access-control-allow-origin']).toBe(origin);
  }
  const stranger = await preflight('http://localhost:9999');
  expect(stranger.headers()['access-control-allow-origin']).toBeUndefined();
});
