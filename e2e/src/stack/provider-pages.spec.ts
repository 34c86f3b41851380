// The provider's own pages — sign-in (and its error), consent, the logout question, "signed out"
// and the error page — in light and dark (prefers-color-scheme), on a 390×844 phone: axe finds no
// violation and the page is really painted in the requested scheme.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { alice, urls } from '../support/env.js';
import { openMobileApp, startSignIn } from '../mobile/mobile-helpers.js';

const SCHEMES = ['light', 'dark'] as const;

async function expectPageClean(page: Page, name: string, scheme: 'light' | 'dark') {
  const { background, scrollWidth, viewport } = await page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  const [r = 0, g = 0, b = 0] = background.match(/\d+/g)?.map(Number) ?? [];
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  if (scheme === 'dark') expect(luminance, `${name} background`).toBeLessThan(0.2);
  else expect(luminance, `${name} background`).toBeGreaterThan(0.8);
  expect(scrollWidth, `${name} scrolls sideways`).toBeLessThanOrEqual(viewport);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`),
    `${name} accessibility (${scheme})`,
  ).toEqual([]);
}

for (const scheme of SCHEMES) {
  test(`the provider's pages, ${scheme}`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: scheme });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(message.text());
    });

    await openMobileApp(page);
    await startSignIn(page);
    await expect(page.locator('#username')).toBeVisible();
    await expectPageClean(page, 'sign-in', scheme);

    await page.locator('#username').fill(alice.username);
    await page.locator('#password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectPageClean(page, 'sign-in error', scheme);

    await page.locator('#username').fill(alice.username);
    await page.locator('#password').fill(alice.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Allow access?' })).toBeVisible();
    await expectPageClean(page, 'consent', scheme);

    await page.goto(`${urls.provider}/session/end`);
    await expect(page.getByRole('heading', { name: 'Sign out?' })).toBeVisible();
    await expectPageClean(page, 'logout question', scheme);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
    await expectPageClean(page, 'signed out', scheme);

    await page.goto(
      `${urls.provider}/auth?client_id=no-such-client&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fevil.example%2F`,
    );
    await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    await expectPageClean(page, 'error', scheme);

    expect(violations).toEqual([]);
  });
}
