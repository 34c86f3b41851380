// Helpers for the web app's specs: signing in through the real provider pages and checking that no
// token ever reaches the browser.
import { expect, type Page } from '@playwright/test';
import { alice, urls } from '../support/env.js';

/** Anything shaped like a JWT (header and payload are base64url JSON objects). */
export const JWT_PATTERN = /eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]*/;

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** At the provider's login page: the username/password form (not the quick picker). */
export async function enterCredentials(page: Page, user: Credentials = alice): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${urls.provider}/`));
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** At the provider's consent page (shown for a new grant): Allow or Deny. */
export async function answerConsent(page: Page, answer: 'Allow' | 'Deny'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Allow access?' })).toBeVisible();
  await page.getByRole('button', { name: answer, exact: true }).click();
}

/**
 * Clicks "Sign in" on the web app's page, signs in at the provider, consents if asked, and waits
 * for the signed-in page. Resolves with the milliseconds from the click to the signed-in page
 * (provider pages filled by the robot, so this is the flow's own cost).
 */
export async function signIn(
  page: Page,
  user: Credentials = alice,
  from = `${urls.web}/`,
): Promise<number> {
  await page.goto(from);
  const started = Date.now();
  await page.getByTestId('sign-in').first().click();
  await enterCredentials(page, user);
  const consent = page.getByRole('heading', { name: 'Allow access?' });
  const signedIn = page.getByTestId('signed-in-as');
  await expect(consent.or(signedIn)).toBeVisible();
  if (await consent.isVisible()) await answerConsent(page, 'Allow');
  await expect(signedIn).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^${urls.web}/`));
  return Date.now() - started;
}

/** Signs out through the web app, confirming at the provider's logout page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page).toHaveURL(new RegExp(`^${urls.provider}/`));
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(new RegExp(`^${urls.web}/signed-out`));
}
