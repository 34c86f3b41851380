// Refresh token rotation with reuse detection, seen from the public client: after a rotation, the
// previous refresh token replayed by someone else makes the provider revoke the grant, and the
// app's own next refresh is refused — the session ends and nothing is kept. Tokens live in memory
// only on the web: a reload forgets them.
import { expect, test } from '@playwright/test';
import { urls } from '../support/env.js';
import { signInOnMobile } from './mobile-helpers.js';

test('a replayed (already rotated) refresh token ends the session', async ({ page, request }) => {
  await signInOnMobile(page);
  const firstRefresh = page.waitForRequest(
    (r) => r.url() === `${urls.provider}/token` && r.method() === 'POST',
  );
  await page.getByRole('button', { name: 'Refresh tokens' }).click();
  const spent =
    new URLSearchParams((await firstRefresh).postData() ?? '').get('refresh_token') ?? '';
  expect(spent).not.toBe('');
  await expect(page.getByTestId('flow-step-refresh')).toBeVisible();

  // an attacker replays the spent refresh token: the provider refuses it and revokes the grant
  const replay = await request.post(`${urls.provider}/token`, {
    form: { grant_type: 'refresh_token', refresh_token: spent, client_id: 'oauth-ref-mobile' },
  });
  expect(replay.status()).toBe(400);
  expect((await replay.json()).error).toBe('invalid_grant');

  await page.getByRole('button', { name: 'Refresh tokens' }).click();
  await expect(page.getByTestId('error-banner')).toContainText('Refused: refresh_token_rejected');
  await expect(page.getByTestId('session-status')).toHaveText(/^Session ended/);
  await expect(page.getByRole('button', { name: 'Call GET /me' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
});

test('tokens are kept in memory only: a reload signs the tab out', async ({ page }) => {
  await signInOnMobile(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await expect(page.getByTestId('session-status')).toHaveText('Signed out');
  await expect(page.getByTestId('storage-explanation')).toContainText('full-page redirect');
});
