// Refresh token rotation, seen from the public client. The refresh token is DPoP-bound (RFC 9449
// §5, RFC 9700 §4.14.2): a spent one replayed by someone without the app's key is refused before
// the provider even looks at rotation — it cannot be used, and it cannot be used to end the app's
// session either. (Reuse detection of a rotated token by the key holder is covered by the
// provider's own tests.) Tokens live in memory only on the web: a reload forgets them.
import { expect, test } from '@playwright/test';
import { urls } from '../support/env.js';
import { signInOnMobile } from './mobile-helpers.js';

test('a replayed (already rotated) refresh token without the key is refused and changes nothing', async ({
  page,
  request,
}) => {
  await signInOnMobile(page);
  const firstRefresh = page.waitForRequest(
    (r) => r.url() === `${urls.provider}/token` && r.method() === 'POST',
  );
  await page.getByRole('button', { name: 'Refresh tokens' }).click();
  const spent =
    new URLSearchParams((await firstRefresh).postData() ?? '').get('refresh_token') ?? '';
  expect(spent).not.toBe('');
  await expect(page.getByTestId('flow-step-refresh')).toBeVisible();

  // an attacker replays the spent refresh token without the key: refused (no proof, no binding)
  const replay = await request.post(`${urls.provider}/token`, {
    form: { grant_type: 'refresh_token', refresh_token: spent, client_id: 'oauth-ref-mobile' },
  });
  expect(replay.status()).toBe(400);
  expect((await replay.json()).error).toBe('invalid_grant');

  // the app's session is untouched: its current refresh token still works, with its key
  const secondRefresh = page.waitForRequest(
    (r) => r.url() === `${urls.provider}/token` && r.method() === 'POST',
  );
  await page.getByRole('button', { name: 'Refresh tokens' }).click();
  const used = new URLSearchParams((await secondRefresh).postData() ?? '').get('refresh_token');
  expect(used).not.toBe(spent);
  await expect(page.getByTestId('flow-step-refresh')).toHaveCount(2);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await expect(page.getByTestId('session-status')).toHaveText(/^Signed in as /);
});

test('tokens are kept in memory only: a reload signs the tab out', async ({ page }) => {
  await signInOnMobile(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await expect(page.getByTestId('session-status')).toHaveText('Signed out');
  await expect(page.getByTestId('storage-explanation')).toContainText('full-page redirect');
});
