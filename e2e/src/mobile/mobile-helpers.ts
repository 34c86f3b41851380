// Helpers for the mobile web build's specs: driving the Expo app (react-native-web) and the
// provider's real login and consent pages.
import { expect, type Page, type Request } from '@playwright/test';
import { alice, urls } from '../support/env.js';

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** The app's home page, once discovery has finished and "Sign in" is enabled. */
export async function openMobileApp(page: Page): Promise<void> {
  await page.goto(`${urls.mobile}/`);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await expect(page.getByTestId('flow-step-discovery')).toBeVisible();
}

/** Clicks "Sign in" and resolves with the authorization request the browser sent. */
export async function startSignIn(page: Page): Promise<URL> {
  const authorizationRequest = page.waitForRequest((request: Request) =>
    request.url().startsWith(`${urls.provider}/auth?`),
  );
  await page.getByRole('button', { name: 'Sign in' }).click();
  return new URL((await authorizationRequest).url());
}

/** At the provider: username/password form, then consent (always asked: offline_access). */
export async function loginAndConsent(page: Page, user: Credentials = alice): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${urls.provider}/`));
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const consent = page.getByRole('heading', { name: 'Allow access?' });
  const back = page.getByTestId('flow-log');
  await expect(consent.or(back)).toBeVisible();
  if (await consent.isVisible())
    await page.getByRole('button', { name: 'Allow', exact: true }).click();
}

/** Full sign-in from the home page; resolves with the authorization request URL. */
export async function signInOnMobile(page: Page, user: Credentials = alice): Promise<URL> {
  await openMobileApp(page);
  const authorizationUrl = await startSignIn(page);
  await loginAndConsent(page, user);
  await expect(page.getByTestId('session-status')).toHaveText(/^Signed in as /);
  await expect(page).toHaveURL(`${urls.mobile}/`);
  return authorizationUrl;
}

/** The kinds of the flow-log steps, in order. */
export async function flowStepKinds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="flow-step-"]')
    .evaluateAll((steps) =>
      steps.map((step) => (step.getAttribute('data-testid') ?? '').replace('flow-step-', '')),
    );
}
