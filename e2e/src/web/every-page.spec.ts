// Every page of the web app, on a 390×844 phone screen, in light and dark: no horizontal scroll,
// the navigation is on screen, axe finds no violation, the CSP blocks nothing of the app's own,
// and the console stays free of errors (React hydration errors included).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { urls } from '../support/env.js';
import { signIn } from './web-helpers.js';

const PUBLIC_PAGES = [
  '/',
  '/signin',
  '/signed-out',
  '/session-expired',
  '/logout',
  '/auth/error?error=AccessDenied',
  '/no-such-page',
];
const SIGNED_IN_PAGES = ['/', '/notes', '/inspector', '/inspector?decode=1', '/profile'];
const SCHEMES = ['light', 'dark'] as const;

interface PageProblems {
  readonly consoleErrors: string[];
  readonly violations: () => Promise<string[]>;
}

function watch(page: Page): PageProblems {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // The 404 page's own status line is not an error of the page.
    if (message.type() === 'error' && !/status of 404/.test(message.text()))
      consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    consoleErrors,
    violations: () =>
      page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []),
  };
}

async function checkPage(page: Page, path: string, problems: PageProblems): Promise<void> {
  problems.consoleErrors.length = 0;
  await page.goto(`${urls.web}${path}`);
  await page.waitForLoadState('networkidle');
  const { scrollWidth, viewport } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(viewport);
  for (const link of await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all()) {
    await expect(link).toBeInViewport({ ratio: 1 });
  }
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`),
    `${path} accessibility`,
  ).toEqual([]);
  expect(await problems.violations(), `${path} CSP violations`).toEqual([]);
  expect(problems.consoleErrors, `${path} console errors`).toEqual([]);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.addInitScript(() => {
    const record = window as unknown as { __violations: string[] };
    record.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      record.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
});

for (const scheme of SCHEMES) {
  test(`public pages work on a phone, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const problems = watch(page);
    for (const path of PUBLIC_PAGES) await checkPage(page, path, problems);
  });

  test(`signed-in pages work on a phone, ${scheme}`, async ({ page }) => {
    // seven pages, each through axe, after a sign-in and a note: more than the default minute
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await signIn(page);
    await page.goto(`${urls.web}/notes`);
    await page.getByLabel('Title').fill(`Phone ${scheme} ${Date.now()}`);
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByRole('status')).toHaveText('Note created.');
    const editHref = await page.getByTestId('note').first().getByRole('link').getAttribute('href');
    const problems = watch(page);
    for (const path of [...SIGNED_IN_PAGES, editHref!]) await checkPage(page, path, problems);
  });
}

test('the inspector loads without a hydration error, again and again', async ({ page }) => {
  await signIn(page);
  const problems = watch(page);
  for (let load = 0; load < 3; load += 1) {
    await page.goto(`${urls.web}/inspector`);
    await expect(page.getByTestId('expiry-countdown')).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  // The countdown is live (hydrated): its text changes.
  const before = await page.getByTestId('expiry-countdown').textContent();
  await expect(page.getByTestId('expiry-countdown')).not.toHaveText(before!, { timeout: 3000 });
  expect(problems.consoleErrors).toEqual([]);
});
