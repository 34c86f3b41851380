// When the API runs but cannot fetch the provider's signing keys, the notes page says so (from
// the API's 503 `jwks_unavailable`), instead of claiming the API is not reachable.
import { expect, test } from '@playwright/test';
import { urls } from '../support/env.js';
import { signIn } from './web-helpers.js';

test('names missing signing keys as the cause, not an unreachable API', async ({ page }) => {
  const { controlApp } = await import('../support/stack-control.js');
  await signIn(page);
  // A freshly started API has no keys cached; with the provider down it cannot fetch any.
  await controlApp('provider', 'stop');
  try {
    await controlApp('api', 'stop');
    await controlApp('api', 'start');
    await page.goto(`${urls.web}/notes`);
    const error = page.getByTestId('notes-load-error');
    await expect(error).toContainText("cannot fetch the provider's signing keys");
    await expect(error).toContainText('jwks_unavailable');
    await expect(error).not.toContainText('not reachable');
  } finally {
    await controlApp('provider', 'start');
  }
  await expect(async () => {
    await page.goto(`${urls.web}/notes`);
    await expect(page.getByTestId('notes-load-error')).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
});
