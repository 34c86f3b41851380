// The mobile flow log draws its requests as a sequence diagram (app, provider, API) from the same
// flow-diagram model as the web inspector: one arrow per request and answer, growing as the app
// calls the API and refreshes, with the whole diagram as the image's accessible name.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInOnMobile } from './mobile-helpers.js';

async function arrowTitles(page: Page): Promise<string[]> {
  return page
    .getByTestId('flow-diagram-arrow')
    .evaluateAll((rows) =>
      rows.map((row) => row.querySelector('div')?.firstElementChild?.textContent ?? ''),
    );
}

test('the flow log diagram follows the requests of the session', async ({ page }) => {
  await signInOnMobile(page);
  const diagram = page.getByTestId('flow-diagram');
  await expect(diagram).toHaveAttribute('role', 'img');
  const signIn = [
    'GET /.well-known/openid-configuration',
    '200 metadata',
    'GET /auth (authorization request)',
    'redirect to /callback (callback)',
    'POST /token (code exchange)',
    '200 tokens',
  ];
  const titles = await arrowTitles(page);
  expect(titles).toEqual(signIn.map((label, index) => `${index + 1}. ${label}`));

  await page.getByRole('button', { name: 'Call GET /me' }).click();
  await expect(page.getByTestId('api-result')).toContainText('GET /me → 200');
  await page.getByRole('button', { name: 'Refresh tokens' }).click();
  await expect(page.getByTestId('flow-step-refresh')).toBeVisible();
  await expect(page.getByTestId('flow-diagram-arrow')).toHaveCount(signIn.length + 4);
  const name = (await diagram.getAttribute('aria-label')) ?? '';
  expect(name).toContain('7. App → API: GET /me');
  expect(name).toContain('8. API → App: 200');
  expect(name).toContain('9. App → Provider: POST token_endpoint (refresh)');
  expect(name).toContain('10. Provider → App: 200 new tokens');
  expect(name).not.toMatch(/eyJ[\w-]{5,}\.eyJ[\w-]{5,}\./);

  const axe = await new AxeBuilder({ page }).include('[data-testid="flow-diagram"]').analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
});
