/**
 * The sign-in and consent pages in a real browser (Debian Chromium): the CSP lets our one
 * stylesheet through (hash) and reports no violation, fields are reachable by their labels,
 * errors are announced (role=alert), and deny/allow reach the registered redirect URI.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mobileClient } from '@oauth-ref/demo-config';
import { startTestProvider, type TestProvider } from '../testing/start-test-provider.js';
import { alice, authorizationUrl, pkcePair } from '../testing/oauth-flows.js';

const CHROMIUM = '/usr/bin/chromium';
const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not installed`;

describe.skipIf(missing !== undefined)(
  `sign-in and consent pages in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let provider: TestProvider;
    let browser: Browser;
    const violations: string[] = [];

    beforeAll(async () => {
      provider = await startTestProvider();
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-dev-shm-usage',
        ],
      });
    });
    afterAll(async () => {
      await browser?.close();
      await provider?.stop();
    });

    async function openSignIn(): Promise<Page> {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text()))
          violations.push(message.text());
      });
      // The mobile app is not running here: answer its callback with an empty page.
      await page.route('http://localhost:8081/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<p>callback</p>' }),
      );
      await page.goto(
        authorizationUrl(provider.issuer, {
          state: 'st',
          nonce: 'n',
          pkce: pkcePair(),
          scope: 'openid email notes:read',
        }),
      );
      return page;
    }

    it('renders the styled sign-in page with labelled fields and no CSP violation', async () => {
      const page = await openSignIn();
      await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
      await expect(page.getByLabel('Username').isVisible()).resolves.toBe(true);
      await expect(page.getByLabel('Password').isVisible()).resolves.toBe(true);
      const background = await page.locator('body').evaluate(
        (body) =>
          (
            body.ownerDocument.defaultView as unknown as {
              getComputedStyle(e: unknown): { backgroundColor: string };
            }
          ).getComputedStyle(body).backgroundColor,
      );
      expect(background).toBe('rgb(244, 245, 247)');
      expect(violations).toEqual([]);
      await page.context().close();
    });

    it('announces a failed sign-in generically, then signs in, lists scopes, and deny returns access_denied', async () => {
      const page = await openSignIn();
      await page.getByLabel('Username').fill('alice');
      await page.getByLabel('Password').fill('not-her-password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        'Invalid username or password.',
      );

      await page.getByLabel('Username').fill(alice.username);
      await page.getByLabel('Password').fill(alice.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Allow access?' }).waitFor();
      const items = await page.getByRole('listitem').allTextContents();
      expect(items).toEqual([
        'openid: Sign you in and confirm who you are.',
        'email: See your email address and whether it is verified.',
        'notes:read: Read your notes.',
      ]);

      await page.getByRole('button', { name: 'Deny' }).click();
      await page.waitForURL('http://localhost:8081/callback?**');
      const url = new URL(page.url());
      expect(url.origin + url.pathname).toBe(mobileClient.redirectUris[0]);
      expect(url.searchParams.get('error')).toBe('access_denied');
      expect(url.searchParams.get('iss')).toBe(provider.issuer);
      expect(url.searchParams.get('state')).toBe('st');
      expect(violations).toEqual([]);
      await page.context().close();
    });

    it('signs in with the demo-user picker and allow returns a code', async () => {
      const page = await openSignIn();
      await page.getByRole('button', { name: /Sign in as Bob Builder/ }).click();
      await page.getByRole('button', { name: 'Allow' }).click();
      await page.waitForURL('http://localhost:8081/callback?**');
      expect(new URL(page.url()).searchParams.get('code')).toBeTruthy();
      expect(violations).toEqual([]);
      await page.context().close();
    });
  },
);
