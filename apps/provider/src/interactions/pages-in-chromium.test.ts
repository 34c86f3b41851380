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
      // The mobile app is not running here. Its callback is reached by redirects, which a
      // `page.route` handler never sees, so the callback's URL is read from the request itself
      // (`callbackUrl`), whether or not anything listens on 8081.
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

    /** Clicks `button` and returns the URL of the redirect to the mobile app's callback. */
    async function callbackUrl(page: Page, button: string): Promise<URL> {
      const callback = page.waitForRequest((request) =>
        request.url().startsWith('http://localhost:8081/callback?'),
      );
      await page.getByRole('button', { name: button }).click();
      return new URL((await callback).url());
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

      const url = await callbackUrl(page, 'Deny');
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
      expect((await callbackUrl(page, 'Allow')).searchParams.get('code')).toBeTruthy();
      expect(violations).toEqual([]);
      await page.context().close();
    });
  },
);
