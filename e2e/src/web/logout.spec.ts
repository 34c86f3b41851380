// Logout ends the local session, revokes the refresh token and ends the provider session
// (RP-initiated logout): signing in again asks for the password.
import { expect, test } from '@playwright/test';
import { urls } from '../support/env.js';
import { signIn, signOut } from './web-helpers.js';

test('logout ends the provider session too', async ({ page, context }) => {
  await signIn(page);
  await signOut(page);
  await expect(page.getByRole('status')).toContainText('The provider confirmed the logout');
  // The ended session as a diagram, ending with the sign-out's own requests.
  const labels = await page
    .getByTestId('flow-diagram')
    .locator('g[data-arrow]')
    .evaluateAll((groups) => groups.map((group) => group.getAttribute('data-label') ?? ''));
  expect(labels[0]).toBe('GET /auth (authorization request)');
  expect(labels.slice(-7)).toEqual([
    'POST /api/logout (same-origin)',
    'POST revocation_endpoint (RFC 7009)',
    '200 revoked',
    '303 to end_session_endpoint (session deleted here)',
    'GET /session/end (RP-Initiated Logout)',
    '303 post_logout_redirect_uri',
    'GET /signed-out (state matches the cookie)',
  ]);
  // Only the browser that signed out sees it: the same page without its logout state shows none.
  await context.clearCookies({ name: 'web.logout-state' });
  await page.reload();
  await expect(page.getByTestId('flow-diagram')).toHaveCount(0);
  expect(
    (await context.cookies(urls.web)).some((cookie) => cookie.name === 'web.session-token'),
  ).toBe(false);

  const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
  expect(session).toEqual({});
  await page.goto(`${urls.web}/notes`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fnotes/);

  // The provider asks for credentials again (no silent SSO).
  await page.getByTestId('sign-in').last().click();
  await expect(page).toHaveURL(new RegExp(`^${urls.provider}/`));
  await expect(page.locator('#password')).toBeVisible();
});

test('a cross-site logout POST is refused', async ({ page }) => {
  await signIn(page);
  const response = await page.request.post(`${urls.web}/api/logout`, {
    headers: { origin: 'https://evil.example' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  await page.goto(`${urls.web}/`);
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
});
