// A forged or replayed callback ends on a precise error page, before the code is used, with no
// session: wrong state, wrong iss (RFC 9207 mix-up), and a replay of a completed callback.
import { expect, test, type Page } from '@playwright/test';
import { urls } from '../support/env.js';
import { enterCredentials } from './web-helpers.js';

const CALLBACK = `${urls.web}/api/auth/callback/oauth-ref`;

/**
 * Browsers follow the provider's redirect to the callback without giving a test the chance to
 * change it (Playwright does not route redirect hops), so the consent POST is answered here: its
 * redirects are followed with the browser's cookies up to the callback URL, which is tampered with
 * and handed to the browser as the redirect.
 */
async function signInWithTamperedCallback(page: Page, tamper: (url: URL) => void): Promise<void> {
  await page.route(`${urls.provider}/interaction/*/confirm`, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    let location = response.headers()['location'] ?? '';
    for (let hop = 0; location && !location.startsWith(CALLBACK) && hop < 5; hop += 1) {
      const next = await page.request.get(new URL(location, urls.provider).toString(), {
        maxRedirects: 0,
      });
      location = next.headers()['location'] ?? '';
    }
    expect(location.startsWith(CALLBACK), `provider redirected to ${location}`).toBe(true);
    const url = new URL(location);
    tamper(url);
    await route.fulfill({ status: 303, headers: { location: url.toString() } });
  });
  await page.goto(`${urls.web}/`);
  await page.getByTestId('sign-in').first().click();
  await enterCredentials(page);
  await page.getByRole('button', { name: 'Allow', exact: true }).click();
}

test('a callback whose state was changed is rejected', async ({ page, context }) => {
  await signInWithTamperedCallback(page, (url) => url.searchParams.set('state', 'forged-state'));
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-error', 'StateMismatch');
  expect(
    (await context.cookies(urls.web)).some((cookie) => cookie.name === 'web.session-token'),
  ).toBe(false);
});

test('a callback from another issuer (iss mix-up) is rejected', async ({ page, context }) => {
  await signInWithTamperedCallback(page, (url) =>
    url.searchParams.set('iss', 'http://localhost:4001'),
  );
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-error', 'IssuerMismatch');
  expect(
    (await context.cookies(urls.web)).some((cookie) => cookie.name === 'web.session-token'),
  ).toBe(false);
});

test('replaying a completed callback is rejected', async ({ page, context }) => {
  let seen = '';
  await signInWithTamperedCallback(page, (url) => {
    seen = url.toString();
  });
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await page.unrouteAll();
  const replay = await context.newPage();
  await context.clearCookies({ name: 'web.session-token' });
  await replay.goto(seen);
  await expect(replay.getByTestId('auth-error')).toBeVisible();
  await expect(replay.getByTestId('signed-in-as')).toHaveCount(0);
});

test('sign-in while the provider is down ends on "provider down" and recovers', async ({
  page,
}) => {
  const { controlApp } = await import('../support/stack-control.js');
  await controlApp('provider', 'stop');
  try {
    await page.goto(`${urls.web}/`);
    await page.getByTestId('sign-in').first().click();
    await expect(page.getByTestId('auth-error')).toHaveAttribute(
      'data-error',
      'ProviderUnavailable',
    );
    await expect(page.getByRole('heading', { name: 'The provider is down' })).toBeVisible();
  } finally {
    await controlApp('provider', 'start');
  }
});
