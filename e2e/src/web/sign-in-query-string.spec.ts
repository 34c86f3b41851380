// A crafted sign-in link cannot change the authorization request: next-auth v4 would merge the
// sign-in request's query string into it, so the web app drops the query before next-auth sees
// it. Here a POST to /api/auth/signin/oauth-ref?scope=admin&prompt=none (with a valid CSRF token,
// as a page that tricked the user into submitting it would have) still sends the configured
// scope and prompt=consent to the provider.
import { expect, test } from '@playwright/test';
import { urls } from '../support/env.js';

test('a crafted sign-in link cannot change scope or prompt', async ({ page }) => {
  const { csrfToken } = (await (await page.request.get(`${urls.web}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const response = await page.request.post(
    `${urls.web}/api/auth/signin/oauth-ref?scope=admin&prompt=none&redirect_uri=https%3A%2F%2Fevil.example%2F`,
    { form: { csrfToken, callbackUrl: `${urls.web}/` }, maxRedirects: 0 },
  );
  expect(response.status()).toBe(302);
  const authorization = new URL(response.headers().location ?? '');
  expect(`${authorization.origin}${authorization.pathname}`).toBe(`${urls.provider}/auth`);
  const params = Object.fromEntries(authorization.searchParams);
  expect(params).toMatchObject({
    scope: 'openid profile email offline_access notes:read notes:write',
    prompt: 'consent',
    redirect_uri: `${urls.web}/api/auth/callback/oauth-ref`,
  });
});
