// The inspector's sequence diagram is drawn from the session's recorded requests and grows as the
// user calls the API and as the access token is refreshed; the token view verifies the stored
// access token with the API's own checks, every one passing for a fresh token.
import { expect, test, type Page } from '@playwright/test';
import { urls } from '../support/env.js';
import { JWT_PATTERN, signIn } from './web-helpers.js';

const SIGN_IN_ARROWS = [
  'GET /auth (authorization request)',
  'GET /api/auth/callback/oauth-ref (callback)',
  'POST token_endpoint (code exchange)',
  '200 tokens',
];

async function arrowLabels(page: Page): Promise<string[]> {
  return page
    .getByTestId('flow-diagram')
    .locator('g[data-arrow]')
    .evaluateAll((groups) => groups.map((group) => group.getAttribute('data-label') ?? ''));
}

async function expectEveryCheckPassing(page: Page): Promise<void> {
  const checks = page.getByTestId('token-checks').locator('tbody tr');
  await expect(checks).toHaveCount(6);
  expect(
    await checks.evaluateAll((rows) =>
      rows.map((row) => `${row.getAttribute('data-check')}:${row.getAttribute('data-outcome')}`),
    ),
  ).toEqual(['signature:pass', 'iss:pass', 'aud:pass', 'exp:pass', 'typ:pass', 'cnf:pass']);
  await expect(page.getByTestId('token-verdict')).toHaveAttribute('data-accepted', 'true');
  await expect(page.getByTestId('token-verdict')).toContainText('scopes notes:read notes:write');
}

test('the diagram follows the recorded session, and the token view verifies the token', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`${urls.web}/inspector`);

  // Sign-in: one arrow per recorded request (and the token response), between the right lifelines.
  expect(await arrowLabels(page)).toEqual(SIGN_IN_ARROWS);
  const diagram = page.getByTestId('flow-diagram');
  await expect(diagram.locator('svg[role="img"] > title')).toHaveText(
    'Your session as a sequence diagram',
  );
  await expect(diagram.locator('g[data-arrow="1"]')).toHaveAttribute('data-from', 'browser');
  await expect(diagram.locator('g[data-arrow="1"]')).toHaveAttribute('data-to', 'provider');
  await expect(diagram.locator('g[data-arrow="3"]')).toHaveAttribute('data-from', 'web');
  // The arrows carry the recorded parameters: the same code_challenge as the request table.
  const challenge = await page.getByTestId('authz-code_challenge').textContent();
  const steps = page.getByTestId('flow-diagram-steps').locator('li');
  await expect(steps).toHaveCount(SIGN_IN_ARROWS.length);
  await expect(steps.first()).toContainText(`code_challenge=${challenge}`);
  await expect(steps.first()).toContainText('code_challenge_method=S256');
  await expect(steps.nth(1)).toContainText('state=');
  expect(await page.content()).not.toMatch(JWT_PATTERN);

  await expectEveryCheckPassing(page);
  await expect(
    page.getByRole('heading', {
      name: 'Why the access token carries 2 of the 6 requested scopes',
    }),
  ).toBeVisible();
  await expect(page.getByTestId('token-scopes')).toHaveText('notes:read notes:write');

  // Calling the API adds its request and answer.
  await page.getByTestId('call-api').click();
  await expect(page.getByTestId('inspector-notice')).toContainText('The API answered');
  expect(await arrowLabels(page)).toEqual([...SIGN_IN_ARROWS, 'GET /notes', '200']);

  // Expire the token: the next API call refreshes first (one refresh), then calls the API.
  await page.getByTestId('expire-access-token').click();
  await expect(page.getByTestId('inspector-notice')).toContainText('marked expired');
  await expect(page.locator('#session')).toContainText('The access token expired');
  await page.getByTestId('call-api').click();
  await expect(page.getByTestId('inspector-notice')).toContainText('The API answered');
  expect(await arrowLabels(page)).toEqual([
    ...SIGN_IN_ARROWS,
    'GET /notes',
    '200',
    'POST token_endpoint (refresh)',
    '200 new tokens',
    'GET /notes',
    '200',
  ]);
  await expect(page.getByTestId('refresh-event')).toHaveCount(1);
  await expect(
    page.getByTestId('flow-diagram').locator('g[data-arrow="8"][data-kind="response"]'),
  ).toHaveCount(1);
  await expect(page.getByTestId('flow-diagram-steps').locator('li').nth(7)).toContainText(
    'refresh token rotated=',
  );

  // The refreshed token verifies too.
  await expectEveryCheckPassing(page);
  expect(await page.content()).not.toMatch(JWT_PATTERN);
});
