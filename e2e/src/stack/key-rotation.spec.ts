// Key rotation with no restart anywhere: the provider publishes a new key before signing with it,
// the API picks it up on the first token that names it, and once the old key is retired the API
// refuses tokens it signed.
import { expect, test } from '@playwright/test';
import { kidOf, listKeys, mintToken, retireKey, rotateKeys } from '../support/admin-api.js';
import { alice, urls } from '../support/env.js';

test('the API accepts tokens signed with a rotated-in key and refuses the old key once retired', async ({
  request,
}) => {
  test.setTimeout(90_000);
  const me = (token: string) =>
    request.get(`${urls.api}/me`, { headers: { authorization: `Bearer ${token}` } });
  const mint = () =>
    mintToken('valid', { sub: alice.sub, clientId: 'oauth-ref-web', scope: 'notes:read' });

  const before = await mint();
  const oldKid = kidOf(before);
  expect((await me(before)).status()).toBe(200);

  // Published now, signing one second from now: the JWKS carries it before any token does.
  const { kid: newKid } = await rotateKeys(1, 3600);
  expect(newKid).not.toBe(oldKid);
  const jwks = (await (await request.get(`${urls.provider}/jwks`)).json()) as {
    keys: { kid: string; d?: string }[];
  };
  expect(jwks.keys.map((key) => key.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
  expect(jwks.keys.every((key) => key.d === undefined)).toBe(true);

  await expect.poll(async () => kidOf(await mint()), { timeout: 15_000 }).toBe(newKid);
  const after = await mint();
  expect((await me(after)).status()).toBe(200);
  expect((await me(before)).status()).toBe(200);

  await retireKey(oldKid ?? '');
  expect((await listKeys()).find((key) => key.kid === oldKid)?.state).toMatch(/retired/);
  // The API refreshes its JWKS cache within its max age; from then on the old key's tokens fail.
  await expect
    .poll(async () => (await me(before)).status(), { timeout: 30_000, intervals: [1_000] })
    .toBe(401);
  expect((await me(after)).status()).toBe(200);
});

test('signed-in web and mobile sessions keep working through a key rotation', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { signIn } = await import('../web/web-helpers.js');
  const { signInOnMobile } = await import('../mobile/mobile-helpers.js');
  const webContext = await browser.newContext();
  const mobileContext = await browser.newContext();
  try {
    const web = await webContext.newPage();
    await signIn(web, alice);
    const mobile = await mobileContext.newPage();
    await signInOnMobile(mobile, alice);
    const signer = kidOf(await mintToken('valid', { sub: alice.sub, scope: 'notes:read' }));

    const { kid: newKid } = await rotateKeys(1, 3600);
    await expect
      .poll(async () => kidOf(await mintToken('valid', { sub: alice.sub, scope: 'notes:read' })), {
        timeout: 15_000,
      })
      .toBe(newKid);

    // Tokens issued before the rotation still work during the grace period…
    await web.goto(`${urls.web}/notes`);
    await expect(web.getByTestId('notes-load-error')).toHaveCount(0);
    // …and a refresh now returns a token signed with the new key, which the API accepts at once.
    await mobile.getByRole('button', { name: 'Refresh tokens' }).click();
    await expect(mobile.getByTestId('error-banner')).toHaveCount(0);
    await retireKey(signer ?? '');
    await mobile.getByRole('button', { name: 'Load notes' }).click();
    await expect(mobile.getByTestId('api-result')).toContainText('GET /notes → 200');
  } finally {
    await Promise.all([webContext.close(), mobileContext.close()]);
  }
});
