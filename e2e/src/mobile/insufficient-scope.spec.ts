// A token without notes:write can read but not write: the API's 403 insufficient_scope is shown
// with the scope it names, and signing in again with the scope fixes it.
import { expect, test } from '@playwright/test';
import { loginAndConsent, openMobileApp, startSignIn } from './mobile-helpers.js';

test('a token without notes:write gets a useful 403 when creating a note', async ({ page }) => {
  await openMobileApp(page);
  const writeScope = page.getByRole('switch', { name: 'Request notes:write scope' });
  await expect(writeScope).toHaveAttribute('aria-checked', 'true');
  await writeScope.click();
  await expect(writeScope).toHaveAttribute('aria-checked', 'false');
  const authorizationUrl = await startSignIn(page);
  expect(authorizationUrl.searchParams.get('scope')?.split(' ')).not.toContain('notes:write');
  await loginAndConsent(page);
  await expect(page.getByTestId('session-status')).toHaveText(/^Signed in as /);
  await expect(page.getByTestId('granted-scope')).not.toContainText('notes:write');

  await page.getByRole('button', { name: 'Load notes' }).click();
  await expect(page.getByTestId('api-result')).toContainText('GET /notes → 200');

  await page.getByLabel('Note title').fill('should not be written');
  await page.getByRole('button', { name: 'Create note' }).click();
  const result = page.getByTestId('api-result');
  await expect(result).toContainText('POST /notes → 403');
  await expect(result).toContainText('insufficient_scope');
  await expect(result).toContainText('"notes:write"');
  await expect(page.getByTestId('flow-step-api-request').last()).toContainText('WWW-Authenticate');
});
