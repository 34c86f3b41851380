// The mobile app is a public client: the JavaScript it ships (readable by anyone) holds no client
// secret — not its own (it has none), not another client's from the shared demo config.
import { expect, test } from '@playwright/test';
import { demoClients } from '@oauth-ref/demo-config';
import { urls } from '../support/env.js';

test('the exported web bundle contains no client secret', async ({ request }) => {
  const html = await (await request.get(`${urls.mobile}/`)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
  expect(scripts.length).toBeGreaterThan(0);
  const secrets = demoClients.flatMap((client) =>
    client.clientSecret ? [client.clientSecret] : [],
  );
  expect(secrets.length).toBeGreaterThan(0);
  for (const src of scripts) {
    const bundle = await (await request.get(new URL(src, urls.mobile).toString())).text();
    expect(bundle).toContain('oauth-ref-mobile');
    for (const secret of secrets)
      expect(bundle.includes(secret), `bundle ${src} holds a client secret`).toBe(false);
    expect(bundle).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  }
});

test('the callback page is served with no-referrer so the code cannot leak in a Referer header', async ({
  request,
}) => {
  const response = await request.get(`${urls.mobile}/callback?code=x&state=y`);
  expect(response.status()).toBe(200);
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
});

test('the app runs under its Content Security Policy without a violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${urls.mobile}/`);
  await expect(page.getByTestId('flow-step-discovery')).toBeVisible();
  expect(violations).toEqual([]);
});
