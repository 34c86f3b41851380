// After the access token expires (short lifetime in the e2e stack), the next API call refreshes it
// exactly once, even when several requests arrive together, and the inspector shows the refresh.
import { expect, test } from '@playwright/test';
import { urls } from '../support/env.js';
import { e2eTimings } from '../support/timings.js';
import { signIn } from './web-helpers.js';

test('refreshes an expired access token once for concurrent requests', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.goto(`${urls.web}/inspector`);
  await expect(page.getByTestId('refresh-event')).toHaveCount(0);

  // Wait until the token is inside the refresh window (expiry minus 10 s skew), then fire 5 requests at once.
  await page.waitForTimeout(Math.max(0, (e2eTimings.accessTokenTtlSeconds - 10 + 1) * 1000));
  const statuses = await Promise.all(
    Array.from({ length: 5 }, () =>
      page.request.get(`${urls.web}/notes`).then((response) => response.status()),
    ),
  );
  expect(statuses).toEqual([200, 200, 200, 200, 200]);

  await page.goto(`${urls.web}/notes`);
  await expect(page.getByTestId('notes-load-error')).toHaveCount(0);
  await page.goto(`${urls.web}/inspector`);
  await expect(page.getByTestId('refresh-event')).toHaveCount(1);
  await expect(page.getByTestId('expiry-countdown')).toContainText('expires in');
});
