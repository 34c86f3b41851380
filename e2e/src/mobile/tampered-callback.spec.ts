// A forged callback is refused before the code is used: a changed state (CSRF / mixed-up attempt)
// or another issuer (RFC 9207 mix-up). The token endpoint is never called and no session starts.
import { expect, test, type Page } from '@playwright/test';
import { alice, urls } from '../support/env.js';
import { openMobileApp, startSignIn } from './mobile-helpers.js';

/**
 * Signs in, but holds the app's code back when the provider redirects to /callback (Playwright
 * cannot rewrite a redirect, so the bundle is withheld once and the page then reopened with the
 * tampered URL). The pending attempt is still in sessionStorage, exactly as after a real redirect.
 */
async function signInWithTamperedCallback(
  page: Page,
  tamper: (url: URL) => void,
): Promise<string[]> {
  const tokenRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url() === `${urls.provider}/token`) tokenRequests.push(request.url());
  });
  await openMobileApp(page);
  await page.route(`${urls.mobile}/_expo/**`, async (route) => {
    if (new URL(page.url()).pathname === '/callback') await route.abort();
    else await route.continue();
  });
  await startSignIn(page);
  await loginAndConsentWithoutApp(page);
  await expect(page).toHaveURL(new RegExp(`^${urls.mobile}/callback\\?`));
  const callback = new URL(page.url());
  expect(callback.searchParams.get('code')).toBeTruthy();
  tamper(callback);
  await page.unrouteAll();
  await page.goto(callback.toString());
  await expect(page.getByTestId('error-banner')).toBeVisible();
  return tokenRequests;
}

async function loginAndConsentWithoutApp(page: Page): Promise<void> {
  await page.locator('#username').fill(alice.username);
  await page.locator('#password').fill(alice.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Allow', exact: true }).click();
}

test('a callback whose state was changed is refused and the code is never exchanged', async ({
  page,
}) => {
  const tokenRequests = await signInWithTamperedCallback(page, (url) =>
    url.searchParams.set('state', 'forged-state'),
  );
  await expect(page.getByRole('alert').first()).toContainText('Refused: state_mismatch');
  await expect(page.getByTestId('error-banner')).toContainText('The code was NOT exchanged');
  await expect(page.getByTestId('session-status')).toHaveText('Signed out');
  await expect(page.getByTestId('flow-step-callback')).toContainText('forged-state');
  expect(tokenRequests).toEqual([]);
  // the pending attempt was single-use: nothing is left to replay against
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test('a callback from another issuer is refused (RFC 9207)', async ({ page }) => {
  const tokenRequests = await signInWithTamperedCallback(page, (url) =>
    url.searchParams.set('iss', 'http://localhost:4001'),
  );
  await expect(page.getByTestId('error-banner')).toContainText('Refused: issuer_mismatch');
  await expect(page.getByTestId('session-status')).toHaveText('Signed out');
  expect(tokenRequests).toEqual([]);
});

test('opening /callback without a pending attempt is refused', async ({ page }) => {
  await page.goto(
    `${urls.mobile}/callback?code=stolen-code&state=whatever&iss=${encodeURIComponent(urls.provider)}`,
  );
  await expect(page.getByTestId('error-banner')).toContainText('Refused: no_pending_attempt');
  await expect(page).toHaveURL(`${urls.mobile}/`);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
});
