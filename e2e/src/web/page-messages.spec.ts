// Texts shown from URL parameters come from fixed tables chosen by a code: a link cannot put
// attacker text on our origin ("content spoofing").
import { expect, test } from '@playwright/test';
import { urls } from '../support/env.js';
import { signIn } from './web-helpers.js';

const SPOOF = 'Your account was suspended, call +1 555 0100';
const q = encodeURIComponent(SPOOF);

test('the notes page never shows text from ?error= or ?notice=', async ({ page }) => {
  await signIn(page);
  await page.goto(`${urls.web}/notes?error=${q}`);
  await expect(page.getByTestId('notes-error')).toHaveText(
    'Something went wrong. Nothing was changed; try again.',
  );
  await expect(page.locator('body')).not.toContainText('suspended');

  await page.goto(`${urls.web}/notes?notice=${q}`);
  await expect(page.getByRole('status')).toHaveText('Done.');
  await expect(page.locator('body')).not.toContainText('suspended');

  await page.goto(`${urls.web}/notes?error=not_found`);
  await expect(page.getByTestId('notes-error')).toContainText('That note does not exist');
  await page.goto(`${urls.web}/notes?error=constructor`);
  await expect(page.getByTestId('notes-error')).toHaveText(
    'Something went wrong. Nothing was changed; try again.',
  );
});

test('the sign-in error and sign-in pages never show text from ?error=', async ({ page }) => {
  await page.goto(`${urls.web}/auth/error?error=${q}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign-in failed');
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-error', 'unknown');
  await expect(page.locator('body')).not.toContainText('suspended');

  await page.goto(`${urls.web}/auth/error?error=AccessDenied`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Access denied');

  await page.goto(`${urls.web}/signin?error=${q}`);
  await expect(page.locator('main').getByRole('alert')).toHaveText(
    'Sign-in did not complete. Try again.',
  );
  await expect(page.locator('body')).not.toContainText('suspended');
});
