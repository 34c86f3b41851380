// The attack lab end to end: every attack, run for real from the web server against the running
// provider and API, must come back refused — on SQLite and on PostgreSQL. Then the page with all
// its reports must still be accessible (axe), fit a phone screen and keep the CSP, light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { urls } from '../support/env.js';

const EXPECTED_ATTACKS = [
  'code-replay',
  'pkce-wrong-verifier',
  'pkce-missing-verifier',
  'redirect-uri-tampering',
  'forged-state',
  'mix-up',
  'alg-none',
  'hs256-public-key',
  'id-token-as-access-token',
  'wrong-audience',
  'expired-token',
  'refresh-replay',
  'scope-escalation',
  'dpop-without-key',
  'password-guessing',
];

async function runEveryAttack(page: Page): Promise<Record<string, string>> {
  const outcomes: Record<string, string> = {};
  for (const id of EXPECTED_ATTACKS) {
    await page.getByTestId(`run-${id}`).click();
    const result = page.locator(`[data-attack="${id}"]`);
    await expect(result).toHaveAttribute('data-outcome', /^(refused|accepted|error)$/, {
      timeout: 45_000,
    });
    outcomes[id] =
      `${await result.getAttribute('data-outcome')}: ${await result.locator('p').first().textContent()}`;
  }
  return outcomes;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const record = window as unknown as { __violations: string[] };
    record.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      record.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
});

test('every attack in the lab is refused by the running stack', async ({ page }) => {
  test.setTimeout(300_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(`${urls.web}/lab`);
  const buttons = await page
    .locator('[data-testid^="run-"]')
    .evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-testid')!.slice('run-'.length)),
    );
  expect(buttons).toEqual(EXPECTED_ATTACKS);

  const outcomes = await runEveryAttack(page);
  expect(
    Object.entries(outcomes).filter(([, outcome]) => !outcome.startsWith('refused:')),
    JSON.stringify(outcomes, null, 2),
  ).toEqual([]);

  // Each run showed what was sent and what came back, and cleaned up its throw-away victims.
  for (const id of EXPECTED_ATTACKS) {
    const result = page.locator(`[data-attack="${id}"]`);
    await expect(result.getByText('Sent').first()).toBeVisible();
    await expect(result.getByText(/^Cleanup: |^Nothing to clean up/)).not.toContainText('failed');
  }
  // The attack steps carry their own verdict, and no secret reached the page.
  await expect(page.locator('.lab-badge.outcome-accepted')).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(process.env['E2E_ADMIN_TOKEN']!);

  // Kept with the test results: what a learner sees after running the whole lab.
  await page.screenshot({ path: test.info().outputPath('lab-every-attack.png'), fullPage: true });
  await page
    .locator('article', { has: page.locator('[data-attack="hs256-public-key"]') })
    .screenshot({ path: test.info().outputPath('lab-hs256-public-key.png') });

  // With every report open: accessible, phone-sized and CSP-clean, light and dark.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { scrollWidth, viewport } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(scrollWidth, `the lab scrolls sideways (${scheme})`).toBeLessThanOrEqual(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const link of await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all())
      await expect(link).toBeInViewport({ ratio: 1 });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`),
      `axe (${scheme})`,
    ).toEqual([]);
  }
  expect(
    await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations),
  ).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the source links open the linked files, and nothing else is served', async ({ request }) => {
  const linked = await request.get(
    `${urls.web}/lab/source/libs/nest-bearer-auth/src/verify-access-token.ts`,
  );
  expect(linked.status()).toBe(200);
  expect(await linked.text()).toContain('export');
  for (const path of ['package.json', 'apps/web/.env.example', '..%2F..%2Fetc%2Fpasswd']) {
    expect((await request.get(`${urls.web}/lab/source/${path}`)).status(), path).toBe(404);
  }
});
