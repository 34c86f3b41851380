// The web app's Content Security Policy stops an injected script while the app's own scripts run.
// The proof injects attacker markup into a real page of ours (fetched from the running server, on
// our origin) and serves it with the headers the server sent. The control run serves the same
// injected page without the CSP header and shows the injection would otherwise run, so the test
// cannot pass by accident.
import { expect, test, type Page } from '@playwright/test';
import { urls } from '../support/env.js';

const ATTACK = [
  '<script>window.__injected = "inline script";</script>',
  '<img src="/does-not-exist.png" alt="" onerror="window.__injected = \'event handler\'">',
  '<script src="data:text/javascript,window.__injected=%22data%20script%22"></script>',
].join('');

/** Serves the home page with ATTACK right after <body>, keeping (or dropping) the real CSP. */
async function serveInjectedHome(page: Page, keepCsp: boolean): Promise<void> {
  await page.route(`${urls.web}/`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<body([^>]*)>/, `<body$1>${ATTACK}`);
    const headers = { ...response.headers() };
    if (!keepCsp) delete headers['content-security-policy'];
    await route.fulfill({ response, body: html, headers });
  });
}

async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = window as unknown as { __violations: string[] };
    record.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      record.__violations.push(event.effectiveDirective),
    );
  });
}

test('every page response carries a fresh nonce policy without unsafe-inline', async ({
  request,
}) => {
  const first = await request.get(`${urls.web}/`);
  const second = await request.get(`${urls.web}/`);
  const policy = first.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toContain(`form-action 'self' ${urls.provider}`);
  expect(policy).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
  expect(second.headers()['content-security-policy']).not.toContain(nonce);
  // Next puts this response's nonce on its own scripts.
  const html = await first.text();
  expect(html).toContain(`nonce="${nonce}"`);
});

test('an injected inline script, event handler or data: script does not run; the app still works', async ({
  page,
}) => {
  await recordViolations(page);
  await serveInjectedHome(page, true);
  await page.goto(`${urls.web}/`);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))
    .toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
  expect(await page.evaluate(() => (window as { __injected?: string }).__injected)).toBeUndefined();

  // The app's own (nonce-carrying) scripts hydrated the page: the sign-in button's click handler
  // fetches a CSRF token and sends the browser to the provider.
  await page.getByTestId('sign-in').first().click();
  await expect(page).toHaveURL(new RegExp(`^${urls.provider}/`));
});

test('control: the same injected page without the CSP runs the attacker script', async ({
  page,
}) => {
  await serveInjectedHome(page, false);
  await page.goto(`${urls.web}/`);
  await expect
    .poll(() => page.evaluate(() => (window as { __injected?: string }).__injected))
    .toBeDefined();
});
