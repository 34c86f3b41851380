// Denying consent at the provider ends on a clear "access denied" page, with no session.
import { expect, test } from '@playwright/test';
import { bob, urls } from '../support/env.js';
import { answerConsent, enterCredentials } from './web-helpers.js';

test('denied consent shows access denied and creates no session', async ({ page, context }) => {
  await page.goto(`${urls.web}/`);
  await page.getByTestId('sign-in').first().click();
  await enterCredentials(page, bob);
  await answerConsent(page, 'Deny');
  await expect(page).toHaveURL(`${urls.web}/auth/error?error=AccessDenied`);
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  expect(
    (await context.cookies(urls.web)).some((cookie) => cookie.name === 'web.session-token'),
  ).toBe(false);
});
