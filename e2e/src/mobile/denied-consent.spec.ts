// Denying consent at the provider brings the user back with `error=access_denied`: the app says so,
// exchanges nothing and stays signed out.
import { expect, test } from '@playwright/test';
import { alice, urls } from '../support/env.js';
import { openMobileApp, startSignIn } from './mobile-helpers.js';

test('denying consent ends the attempt with access_denied and no token request', async ({
  page,
}) => {
  const tokenRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url() === `${urls.provider}/token`) tokenRequests.push(request.url());
  });
  await openMobileApp(page);
  await startSignIn(page);
  await page.locator('#username').fill(alice.username);
  await page.locator('#password').fill(alice.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Deny', exact: true }).click();
  await expect(page.getByTestId('error-banner')).toContainText('Refused: authorization_denied');
  await expect(page.getByTestId('error-banner')).toContainText('access_denied');
  await expect(page.getByTestId('session-status')).toHaveText('Signed out');
  await expect(page).toHaveURL(`${urls.mobile}/`);
  expect(tokenRequests).toEqual([]);
});
