// Every screen of the mobile app (web build) on a 390×844 phone, light and dark: signed out,
// signed in, the flow log with a token decoded, an empty and a full notes list, the lab, the
// notice after a reload, and the errors (a refused callback, the API down). Axe finds no
// violation — "region" included: every piece of content sits in a landmark.
import { expect, test } from '@playwright/test';
import { controlApp } from '../support/stack-control.js';
import { bob, urls } from '../support/env.js';
import { openMobileApp, signInOnMobile, startSignIn, loginAndConsent } from './mobile-helpers.js';
import {
  deleteAllNotes,
  expectScheme,
  expectScreenClean,
  PHONE,
  SCHEMES,
} from './mobile-screens.js';

test.beforeEach(async ({ page }) => {
  await page.setViewportSize(PHONE);
});

for (const scheme of SCHEMES) {
  test(`signed out, signed in, flow log, empty notes: ${scheme}`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openMobileApp(page);
    await expectScheme(page, scheme);
    await expect(page.getByRole('banner')).toContainText('mobile public client');
    await expect(page.getByRole('main')).toContainText('Flow log');
    await expectScreenClean(page, 'signed out');

    await deleteAllNotes(bob.sub);
    await signInOnMobile(page, bob);
    await expectScreenClean(page, 'signed in');

    await page
      .getByRole('button', { name: /^Show access_token/ })
      .first()
      .click();
    await expect(page.locator('[data-testid^="decoded-"]').first()).toBeVisible();
    await expectScreenClean(page, 'flow log with a decoded token');

    await page.getByRole('button', { name: 'Load notes' }).click();
    await expect(page.getByTestId('notes-empty')).toContainText('No notes yet');
    await expectScreenClean(page, 'empty notes');
  });

  test(`notes, lab results and the notice after a reload: ${scheme}`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.emulateMedia({ colorScheme: scheme });
    await deleteAllNotes(bob.sub);
    await signInOnMobile(page, bob);
    await page.getByLabel('Note title').fill(`Phone ${scheme} ${'x'.repeat(120)}`);
    await page.getByLabel('Note body').fill('eyJ'.padEnd(600, 'A'));
    await page.getByRole('button', { name: 'Create note' }).click();
    await expect(page.getByTestId('notes')).toContainText('Your notes (1)');
    await expect(page.getByTestId('notes-empty')).toHaveCount(0);
    await expectScreenClean(page, 'notes');

    await page.getByRole('button', { name: 'Run the attacks that keep my session' }).click();
    await expect(page.locator('[data-attack]')).toHaveCount(6);
    await expectScreenClean(page, 'lab results');

    await page.reload();
    await expect(page.getByTestId('reload-notice')).toContainText('memory only');
    await expect(page.getByTestId('session-status')).toHaveText('Signed out');
    await expectScheme(page, scheme);
    await expectScreenClean(page, 'after a reload');
  });

  test(`errors: a refused callback and the API down, ${scheme}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openMobileApp(page);
    await page.goto(`${urls.mobile}/callback?code=forged&state=forged&iss=${urls.provider}`);
    await expect(page.getByTestId('error-banner')).toContainText('no_pending_attempt');
    await expectScreenClean(page, 'refused callback');

    await signInOnMobile(page);
    await controlApp('api', 'stop');
    try {
      await page.getByRole('button', { name: 'Load notes' }).click();
      const banner = page.getByTestId('error-banner');
      await expect(banner).toContainText('No answer: api_unreachable');
      await expect(banner).toContainText(`GET ${urls.api}/notes`);
      await expect(banner).not.toContainText('unexpected_error');
      await expectScreenClean(page, 'API down');
    } finally {
      await controlApp('api', 'start');
    }
    // back up: the same session reaches it again (and the API has the provider's keys cached
    // again, which later specs that stop the provider rely on)
    await page.getByRole('button', { name: 'Load notes' }).click();
    await expect(page.getByTestId('api-result')).toContainText('GET /notes → 200');
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
  });
}

test('the reload notice is not shown after a sign-out, nor on a first visit', async ({ page }) => {
  await openMobileApp(page);
  await expect(page.getByTestId('reload-notice')).toHaveCount(0);
  await signInOnMobile(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(new RegExp(`^${urls.provider}/`));
  await page
    .getByRole('button', { name: 'Yes, sign me out' })
    .click()
    .catch(() => undefined);
  await page.waitForURL(`${urls.mobile}/**`);
  await openMobileApp(page);
  await expect(page.getByTestId('reload-notice')).toHaveCount(0);
  // and a sign-in after a reload clears the notice
  await page.evaluate(() => sessionStorage.setItem('oauth-ref.mobile.signed-in-in-this-tab', '1'));
  await page.reload();
  await expect(page.getByTestId('reload-notice')).toBeVisible();
  await startSignIn(page);
  await loginAndConsent(page);
  await expect(page.getByTestId('session-status')).toHaveText(/^Signed in as /);
  await expect(page.getByTestId('reload-notice')).toHaveCount(0);
});
