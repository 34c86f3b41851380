// "Try to break it" in the mobile app: every attack that applies to a public client, run for
// real from the app (react-native-web) against the running provider and API, is refused — and
// the two replays end the session the way they should (the provider revokes the grant).
import { expect, type Page, test } from '@playwright/test';
import { urls } from '../support/env.js';
import { loginAndConsent, openMobileApp, signInOnMobile, startSignIn } from './mobile-helpers.js';

/** Signs in again: the provider still knows the user (its session survived the app's), so
 * only consent may be asked. */
async function signInAgain(page: Page): Promise<void> {
  await openMobileApp(page);
  await startSignIn(page);
  const consent = page.getByRole('heading', { name: 'Allow access?' });
  await expect(consent.or(page.locator('#username'))).toBeVisible();
  if (await consent.isVisible())
    await page.getByRole('button', { name: 'Allow', exact: true }).click();
  else await loginAndConsent(page);
  await expect(page.getByTestId('session-status')).toHaveText(/^Signed in as /);
  await expect(page).toHaveURL(`${urls.mobile}/`);
}

async function runGroup(page: Page, button: string, ids: string[]): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  for (const id of ids) {
    const result = page.locator(`[data-attack="${id}"]`);
    await expect(result).toBeVisible();
    await expect(result, `${id}: ${await result.innerText()}`).toHaveAttribute(
      'data-outcome',
      'refused',
    );
  }
}

test('every attack a public client can try is refused; the replays end the session', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // within the code's one-minute lifetime: the replay makes the provider revoke the grant
  await signInOnMobile(page);
  await runGroup(page, 'Replay my sign-in code (ends the session)', [
    'pkce-wrong-verifier',
    'code-replay',
  ]);
  await expect(page.locator('[data-attack="code-replay"]')).toContainText('revoked the grant');
  await expect(page.getByTestId('session-status')).toHaveText(/^Session ended/);

  await signInAgain(page);
  const sent: string[] = [];
  page.on('request', (request) => sent.push(`${request.method()} ${request.url()}`));
  await runGroup(page, 'Run the attacks that keep my session', [
    'access-token-as-bearer',
    'access-token-without-proof',
    'proof-from-another-key',
    'proof-replay',
    'id-token-as-access-token',
    'refresh-token-without-key',
  ]);
  // sent for real, from the browser, to the API and the provider
  expect(sent.filter((line) => line.endsWith('/me')).length).toBeGreaterThanOrEqual(6);
  await expect(page.locator('[data-attack="proof-replay"]')).toContainText('401');
  // the session is untouched: the API and a refresh still work
  await page.getByRole('button', { name: 'Call GET /me' }).click();
  await expect(page.getByTestId('api-result')).toContainText('GET /me → 200');
  await page.getByRole('button', { name: 'Refresh tokens' }).click();
  await expect(page.getByTestId('flow-step-refresh')).toBeVisible();
  await expect(page.getByTestId('session-status')).toHaveText(/^Signed in as /);

  await runGroup(page, 'Replay a rotated refresh token (ends the session)', [
    'refresh-token-replay',
  ]);
  await expect(page.locator('[data-attack="refresh-token-replay"]')).toContainText(
    'revoked the whole family',
  );
  await expect(page.getByTestId('session-status')).toHaveText(/^Session ended/);
  await expect(page.locator('[data-outcome="accepted"]')).toHaveCount(0);
});
