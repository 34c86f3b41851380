// The whole public-client journey in the browser build of the Expo app: Authorization Code + PKCE
// against the real provider, API calls with the bearer token, refresh with rotation, sign-out with
// revocation and RP-initiated logout.
import { expect, test } from '@playwright/test';
import { alice, urls } from '../support/env.js';
import { flowStepKinds, signInOnMobile } from './mobile-helpers.js';

test('signs in with PKCE S256 as a public client and shows every step of the flow', async ({
  page,
}) => {
  const tokenRequest = page.waitForRequest(
    (r) => r.url() === `${urls.provider}/token` && r.method() === 'POST',
  );
  const authorizationUrl = await signInOnMobile(page);

  const params = authorizationUrl.searchParams;
  expect(params.get('response_type')).toBe('code');
  expect(params.get('client_id')).toBe('oauth-ref-mobile');
  expect(params.get('redirect_uri')).toBe(`${urls.mobile}/callback`);
  expect(params.get('code_challenge_method')).toBe('S256');
  expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  expect(params.get('state')).toBeTruthy();
  expect(params.get('nonce')).toBeTruthy();
  expect(params.get('resource')).toBe(urls.api);
  expect(params.get('scope')?.split(' ')).toEqual(
    expect.arrayContaining(['openid', 'offline_access', 'notes:read', 'notes:write']),
  );
  expect([...params.keys()].some((name) => /secret|verifier/i.test(name))).toBe(false);

  const form = new URLSearchParams((await tokenRequest).postData() ?? '');
  expect(form.get('grant_type')).toBe('authorization_code');
  expect(form.get('client_id')).toBe('oauth-ref-mobile');
  expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
  expect(form.has('client_secret')).toBe(false);
  expect((await tokenRequest).headers()['authorization']).toBeUndefined();

  expect(await flowStepKinds(page)).toEqual([
    'dpop-key',
    'discovery',
    'verifier',
    'challenge',
    'authorization-request',
    'callback',
    'callback-checks',
    'token-request',
    'dpop-proof',
    'token-response',
  ]);
  await expect(page.getByTestId('session-status')).toHaveText(`Signed in as ${alice.name}`);
  // the verifier is shown masked, never in full
  const verifier = form.get('code_verifier') ?? '';
  await expect(page.getByTestId('flow-log')).not.toContainText(verifier);
  await expect(page.getByTestId('flow-step-verifier')).toContainText(
    `${verifier.slice(0, 4)}… (${verifier.length} chars)`,
  );
  // the code is gone from the address bar and nothing is left in web storage but a flag with no
  // secret ("this tab was signed in", so that a reload can say why it signed the tab out)
  await expect(page).toHaveURL(`${urls.mobile}/`);
  expect(
    await page.evaluate(() => [JSON.stringify({ ...sessionStorage }), localStorage.length]),
  ).toEqual([JSON.stringify({ 'oauth-ref.mobile.signed-in-in-this-tab': '1' }), 0]);
  // cookies are per host, not per port: the provider's `op.*` cookies share localhost; the app sets none
  const appCookies = (await page.context().cookies(urls.mobile)).filter(
    (c) => !c.name.startsWith('op.'),
  );
  expect(appCookies).toEqual([]);
});

test('shows a token redacted until expanded, then decoded', async ({ page }) => {
  await signInOnMobile(page);
  const step = page.getByTestId('flow-step-token-response');
  await expect(step.getByTestId('field-access_token')).toHaveText(/^eyJ\w{0,2}… \(\d+ chars\)$/);
  await step.getByRole('button', { name: /^Show access_token/ }).click();
  const decoded = step.getByTestId('decoded-access_token');
  await expect(decoded).toContainText('"typ": "at+jwt"');
  await expect(decoded).toContainText(`"aud": "${urls.api}"`);
  await expect(decoded).toContainText('"client_id": "oauth-ref-mobile"');
  await step.getByRole('button', { name: /^Hide access_token/ }).click();
  await expect(decoded).toHaveCount(0);
});

test('calls the API, creates a note, refreshes with rotation and signs out', async ({ page }) => {
  await signInOnMobile(page);

  await page.getByRole('button', { name: 'Call GET /me' }).click();
  await expect(page.getByTestId('api-result')).toContainText('GET /me → 200');
  await expect(page.getByTestId('me')).toContainText(alice.sub);

  const title = `Mobile note ${Date.now()}`;
  await page.getByLabel('Note title').fill(title);
  await page.getByLabel('Note body').fill('written by the Expo app through react-native-web');
  await page.getByRole('button', { name: 'Create note' }).click();
  await expect(page.getByTestId('api-result')).toContainText('POST /notes → 201');
  await expect(page.getByRole('list', { name: 'Notes' })).toContainText(title);

  const refreshRequest = page.waitForRequest(
    (r) => r.url() === `${urls.provider}/token` && r.method() === 'POST',
  );
  await page.getByRole('button', { name: 'Refresh tokens' }).click();
  const refreshForm = new URLSearchParams((await refreshRequest).postData() ?? '');
  expect(refreshForm.get('grant_type')).toBe('refresh_token');
  expect(refreshForm.has('client_secret')).toBe(false);
  await expect(page.getByTestId('flow-step-refresh')).toContainText('previous one is now invalid');
  await page.getByRole('button', { name: 'Load notes' }).click();
  await expect(page.getByTestId('api-result')).toContainText('GET /notes → 200');
  await expect(page.getByRole('list', { name: 'Notes' })).toContainText(title);

  const revocation = page.waitForRequest((r) => r.url() === `${urls.provider}/token/revocation`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  const revocationForm = new URLSearchParams((await revocation).postData() ?? '');
  expect(revocationForm.get('token_type_hint')).toBe('refresh_token');
  // the revoked token is the rotated one, not the one spent on the refresh
  expect(revocationForm.get('token')).toBeTruthy();
  expect(revocationForm.get('token')).not.toBe(refreshForm.get('refresh_token'));
  expect(revocationForm.has('client_secret')).toBe(false);
  await expect(page).toHaveURL(new RegExp(`^${urls.provider}/session/end`));
  const logoutUrl = new URL(page.url());
  expect(logoutUrl.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
  expect(logoutUrl.searchParams.get('post_logout_redirect_uri')).toBe(`${urls.mobile}/`);
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${urls.mobile}/`);
  await expect(page.getByTestId('session-status')).toHaveText('Signed out');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
});
