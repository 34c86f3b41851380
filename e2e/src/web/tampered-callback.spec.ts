// A forged or replayed callback ends on a precise error page, before the code is used, with no
// session: wrong state, wrong iss (RFC 9207 mix-up), and a replay of a completed callback.
import { expect, test, type Page } from '@playwright/test';
import { urls } from '../support/env.js';
import { enterCredentials } from './web-helpers.js';

const CALLBACK = `${urls.web}/api/auth/callback/oauth-ref`;

async function signInWithTamperedCallback(page: Page, tamper: (url: URL) => void): Promise<void> {
  await page.route(`${CALLBACK}?*`, async (route) => {
    const url = new URL(route.request().url());
    tamper(url);
    await route.continue({ url: url.toString() });
  });
  await page.goto(`${urls.web}/`);
  await page.getByTestId('sign-in').first().click();
  await enterCredentials(page);
  const allow = page.getByRole('button', { name: 'Allow', exact: true });
  const error = page.getByTestId('auth-error');
  await expect(allow.or(error)).toBeVisible();
  if (await allow.isVisible()) await allow.click();
}

test('a callback whose state was changed is rejected', async ({ page, context }) => {
  await signInWithTamperedCallback(page, (url) => url.searchParams.set('state', 'forged-state'));
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-error', 'StateMismatch');
  expect((await context.cookies(urls.web)).some((cookie) => cookie.name === 'web.session-token')).toBe(false);
});

test('a callback from another issuer (iss mix-up) is rejected', async ({ page, context }) => {
  await signInWithTamperedCallback(page, (url) => url.searchParams.set('iss', 'http://localhost:4001'));
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-error', 'IssuerMismatch');
  expect((await context.cookies(urls.web)).some((cookie) => cookie.name === 'web.session-token')).toBe(false);
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

test('sign-in while the provider is down ends on "provider down" and recovers', async ({ page }) => {
  const { controlApp } = await import('../support/stack-control.js');
  await controlApp('provider', 'stop');
  try {
    await page.goto(`${urls.web}/`);
    await page.getByTestId('sign-in').first().click();
    await expect(page.getByTestId('auth-error')).toHaveAttribute('data-error', 'ProviderUnavailable');
    await expect(page.getByRole('heading', { name: 'The provider is down' })).toBeVisible();
  } finally {
    await controlApp('provider', 'start');
  }
});
