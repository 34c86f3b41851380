// The profile shows the ID token's claims; the inspector shows the recorded flow (code_challenge,
// never the verifier; tokens redacted until decoded on the server) and the expiry countdown.
import { expect, test } from '@playwright/test';
import { alice, urls } from '../support/env.js';
import { JWT_PATTERN, signIn } from './web-helpers.js';

test('profile and flow inspector show what happened, without tokens', async ({ page }) => {
  await signIn(page);

  await page.goto(`${urls.web}/profile`);
  const idClaims = page.getByRole('table', { name: 'Claims of the current ID token' });
  await expect(idClaims.getByRole('row', { name: /^sub / })).toContainText(alice.sub);
  await expect(idClaims.getByRole('row', { name: /^iss / })).toContainText(urls.provider);
  await expect(idClaims.getByRole('row', { name: /^aud / })).toContainText('oauth-ref-web');
  await expect(idClaims.getByRole('row', { name: /^nonce / })).toBeVisible();
  const userinfo = page.getByRole('table', { name: 'Claims returned by the UserInfo endpoint' });
  await expect(userinfo.getByRole('row', { name: /^sub / })).toContainText(alice.sub);
  await expect(userinfo.getByRole('row', { name: /^email / })).toContainText(alice.email);

  await page.goto(`${urls.web}/inspector`);
  await expect(page.getByTestId('authz-code_challenge_method')).toHaveText('S256');
  await expect(page.getByTestId('authz-code_challenge')).toHaveText(/^[\w-]{43}$/);
  await expect(page.getByTestId('authz-resource')).toHaveText(urls.api);
  await expect(page.getByTestId('authz-redirect_uri')).toHaveText(
    `${urls.web}/api/auth/callback/oauth-ref`,
  );
  await expect(page.locator('body')).not.toContainText('code_verifier=');
  await expect(page.getByTestId('redacted-access_token')).toHaveText(
    /^\[redacted JWT, \d+ characters\]$/,
  );
  await expect(page.getByTestId('redacted-refresh_token')).toHaveText(/^\[redacted/);
  await expect(page.getByTestId('expiry-countdown')).toContainText('expires in');
  expect(await page.content()).not.toMatch(JWT_PATTERN);

  await page.getByTestId('decode-tokens').click();
  await expect(page.getByRole('heading', { name: 'Access token, decoded' })).toBeVisible();
  const accessHeader = page
    .locator('#signin-access-token')
    .getByRole('table', { name: 'JOSE header' });
  await expect(accessHeader.getByRole('row', { name: /^typ / })).toContainText('at+jwt');
  const accessClaims = page.locator('#signin-access-token').getByRole('table', { name: 'Claims' });
  await expect(accessClaims.getByRole('row', { name: /^aud / })).toContainText(urls.api);
  await expect(accessClaims.getByRole('row', { name: /^scope / })).toContainText('notes:write');
  expect(await page.content()).not.toMatch(JWT_PATTERN);

  // The home page's diagram links each step to what happened.
  await page.goto(`${urls.web}/`);
  await expect(page.locator('#step-callback')).toHaveClass(/done/);
  await expect(page.locator('#step-token-request')).toContainText('happened in this session');
});
