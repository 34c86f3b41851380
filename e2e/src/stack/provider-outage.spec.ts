// The provider stops mid-session: what keeps working, what fails clearly, and that recovery after
// it restarts needs no manual step. Access tokens are JWTs the API verifies with cached keys, so
// API calls go on; only what needs the provider (refresh, sign-in) fails — with a message, without
// ending the session, and works again once the provider is back.
import { expect, test } from '@playwright/test';
import { controlApp } from '../support/stack-control.js';
import { alice, urls } from '../support/env.js';
import { signInOnMobile } from '../mobile/mobile-helpers.js';
import { signIn } from '../web/web-helpers.js';

test('clients stay usable while the provider is down and recover when it restarts', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const webContext = await browser.newContext();
  const mobileContext = await browser.newContext();
  try {
    const web = await webContext.newPage();
    await signIn(web, alice);
    const mobile = await mobileContext.newPage();
    await signInOnMobile(mobile, alice);

    await controlApp('provider', 'stop');
    try {
      // The API keeps accepting the tokens it already trusts (JWKS cached): no outage for reads.
      await web.goto(`${urls.web}/notes`);
      await expect(web.getByTestId('notes-load-error')).toHaveCount(0);
      await mobile.getByRole('button', { name: 'Load notes' }).click();
      await expect(mobile.getByTestId('api-result')).toContainText('GET /notes → 200');

      // What needs the provider fails with a message, and does not sign the user out.
      await mobile.getByRole('button', { name: 'Refresh tokens' }).click();
      await expect(mobile.getByTestId('error-banner')).toBeVisible();
      await expect(mobile.getByTestId('session-status')).toHaveText(/^Signed in as /);
    } finally {
      await controlApp('provider', 'start');
    }

    // Back up: the same sessions refresh and call the API with no manual step.
    await mobile.getByRole('button', { name: 'Refresh tokens' }).click();
    await expect(mobile.getByTestId('error-banner')).toHaveCount(0);
    await mobile.getByRole('button', { name: 'Load notes' }).click();
    await expect(mobile.getByTestId('api-result')).toContainText('GET /notes → 200');
    await web.goto(`${urls.web}/notes`);
    await expect(web.getByTestId('notes-load-error')).toHaveCount(0);
  } finally {
    await Promise.all([webContext.close(), mobileContext.close()]);
  }
});
