// Sign-in through the real provider, and proof that no token reaches the browser: not in
// /api/auth/session, not in any page's HTML or RSC payload, not in any JS bundle; cookies are
// HttpOnly, SameSite=Lax and named web.* next to the provider's op.* cookies on the same host.
import { expect, test } from '@playwright/test';
import { urls } from '../support/env.js';
import { JWT_PATTERN, signIn } from './web-helpers.js';

test('signs in with Authorization Code + PKCE and keeps every token on the server', async ({
  page,
  context,
}) => {
  const elapsed = await signIn(page);
  test.info().annotations.push({
    type: 'metric',
    description: `sign-in click → signed-in page: ${elapsed} ms`,
  });
  console.log(`[metric] web sign-in click → signed-in page: ${elapsed} ms`);

  // Cookies: the session cookie is HttpOnly/Lax and prefixed; the provider's are op.*; none collide.
  const cookies = await context.cookies('http://localhost');
  const session = cookies.find((cookie) => cookie.name === 'web.session-token');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  for (const cookie of cookies) expect(cookie.name).toMatch(/^(web\.|op\.)/);
  expect(cookies.some((cookie) => cookie.name.startsWith('op.'))).toBe(true);
  expect(await page.evaluate(() => document.cookie)).not.toContain('web.session-token');

  // /api/auth/session: display data only.
  const sessionBody = await page.evaluate(async () => (await fetch('/api/auth/session')).text());
  expect(sessionBody).not.toMatch(JWT_PATTERN);
  expect(Object.keys(JSON.parse(sessionBody).user).sort()).toEqual(['email', 'name']);
  expect(sessionBody).not.toMatch(/access_token|refresh_token|id_token|accountId|userId/);

  // Every page (HTML with its inline RSC payload) and the RSC payload fetched on navigation.
  const scripts = new Set<string>();
  page.on('response', (response) => {
    if (response.url().startsWith(urls.web) && response.url().endsWith('.js'))
      scripts.add(response.url());
  });
  for (const path of ['/', '/inspector', '/inspector?decode=1', '/notes', '/profile']) {
    const response = await page.goto(`${urls.web}${path}`);
    const html = (await response?.text()) ?? '';
    expect(html, path).not.toMatch(JWT_PATTERN);
    const rsc = await page.evaluate(
      async (p) => (await fetch(p, { headers: { RSC: '1' } })).text(),
      path,
    );
    expect(rsc, `${path} (RSC)`).not.toMatch(JWT_PATTERN);
  }
  expect(scripts.size).toBeGreaterThan(0);
  for (const script of scripts) {
    const body = await (await page.request.get(script)).text();
    expect(body, script).not.toMatch(JWT_PATTERN);
  }
});

test('an off-site callbackUrl lands on this origin after sign-in', async ({ page }) => {
  await page.goto(
    `${urls.web}/signin?callbackUrl=${encodeURIComponent('https://evil.example/steal')}`,
  );
  await page.getByTestId('sign-in').last().click();
  const { enterCredentials } = await import('./web-helpers.js');
  await enterCredentials(page);
  const consent = page.getByRole('button', { name: 'Allow', exact: true });
  const signedIn = page.getByTestId('signed-in-as');
  await expect(consent.or(signedIn)).toBeVisible();
  if (await consent.isVisible()) await consent.click();
  await expect(signedIn).toBeVisible();
  expect(new URL(page.url()).origin).toBe(urls.web);
});
