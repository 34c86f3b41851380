import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mobileClient, webClient } from '@oauth-ref/demo-config';
import {
  startTestProvider,
  TEST_ADMIN_TOKEN,
  type TestProvider,
} from '../testing/start-test-provider.js';
import { Browser, hiddenField } from '../testing/browser.js';
import { alice, authorizationUrl, bob, pkcePair } from '../testing/oauth-flows.js';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({
    env: { LOGIN_RATE_LIMIT_MAX: '3', LOGIN_RATE_LIMIT_WINDOW_SECONDS: '60' },
  });
});
afterAll(async () => provider?.stop());

/** Opens the login page of a fresh authorization request. */
async function openLogin(scope = 'openid notes:read') {
  const browser = new Browser(provider.issuer);
  const response = await browser.follow(
    await browser.get(
      authorizationUrl(provider.issuer, { state: 's', nonce: 'n', pkce: pkcePair(), scope }),
    ),
  );
  const html = await response.text();
  const uid = /action="\/interaction\/([^"/]+)\/login"/.exec(html)?.[1];
  if (!uid) throw new Error(html.slice(0, 300));
  return { browser, response, html, uid, csrf: hiddenField(html, 'csrf') };
}

describe('the login page', () => {
  it('is served with no-store, frame-ancestors none, nosniff, labelled fields and no third-party assets', async () => {
    const { response, html } = await openLogin();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html).toContain('<label for="username">');
    expect(html).toContain('<label for="password">');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('OAuth Reference Mobile');
  });

  it('lists the seeded users in the picker (demo mode) and signs in with a pick', async () => {
    const { browser, html, uid, csrf } = await openLogin();
    expect(html).toContain(`value="${alice.sub}"`);
    expect(html).toContain(`value="${bob.sub}"`);
    const response = await browser.follow(
      await browser.postForm(`/interaction/${uid}/login`, { csrf, pick: bob.sub }),
    );
    const consent = await response.text();
    expect(consent).toContain('Allow access?');
    expect(consent).toContain('Bob Builder');
  });

  it('gives one generic error for a wrong password and an unknown user', async () => {
    const wrong = await openLogin();
    const wrongResponse = await wrong.browser.postForm(`/interaction/${wrong.uid}/login`, {
      csrf: wrong.csrf,
      username: 'bob',
      password: 'nope',
    });
    const unknown = await openLogin();
    const unknownResponse = await unknown.browser.postForm(`/interaction/${unknown.uid}/login`, {
      csrf: unknown.csrf,
      username: 'mallory',
      password: 'nope',
    });
    expect(wrongResponse.status).toBe(401);
    expect(unknownResponse.status).toBe(401);
    const [a, b] = [await wrongResponse.text(), await unknownResponse.text()];
    expect(a).toContain('Invalid username or password.');
    expect(b).toContain('Invalid username or password.');
    expect(b).not.toMatch(/unknown user|no such user|not found/i);
  });

  it('escapes what it echoes back', async () => {
    const { browser, uid, csrf } = await openLogin();
    const response = await browser.postForm(`/interaction/${uid}/login`, {
      csrf,
      username: '"><script>alert(1)</script>',
      password: 'x',
    });
    const html = await response.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('refuses a POST without the CSRF token, or with another interaction’s token', async () => {
    const first = await openLogin();
    const missing = await first.browser.postForm(`/interaction/${first.uid}/login`, {
      username: alice.username,
      password: alice.password,
    });
    expect(missing.status).toBe(403);
    const second = await openLogin();
    const crossed = await second.browser.postForm(`/interaction/${second.uid}/login`, {
      csrf: first.csrf,
      username: alice.username,
      password: alice.password,
    });
    expect(crossed.status).toBe(403);
  });

  it('refuses a POST without the interaction cookie (a cross-site form cannot finish a sign-in)', async () => {
    const { uid, csrf } = await openLogin();
    const stranger = new Browser(provider.issuer);
    const response = await stranger.postForm(`/interaction/${uid}/login`, {
      csrf,
      username: alice.username,
      password: alice.password,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('no longer valid');
  });

  it('refuses a picked user who is not a seeded demo user', async () => {
    const created = await fetch(`${provider.issuer}/admin/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'carol',
        password: 'carol-password-1',
        email: 'carol@example.com',
        name: 'Carol',
      }),
    });
    const { sub } = (await created.json()) as { sub: string };
    const { browser, uid, csrf } = await openLogin();
    const response = await browser.postForm(`/interaction/${uid}/login`, { csrf, pick: sub });
    expect(response.status).toBe(401);
  });

  it('outside demo mode shows no picker and refuses a pick even of a seeded user', async () => {
    const strict = await startTestProvider({ db: provider.db, env: { DEMO_MODE: 'false' } });
    try {
      const browser = new Browser(strict.issuer);
      const page = await browser.follow(
        await browser.get(
          authorizationUrl(strict.issuer, {
            state: 's',
            nonce: 'n',
            pkce: pkcePair(),
            scope: 'openid',
          }),
        ),
      );
      const html = await page.text();
      expect(html).not.toContain('name="pick"');
      const uid = /action="\/interaction\/([^"/]+)\/login"/.exec(html)![1];
      const response = await browser.postForm(`/interaction/${uid}/login`, {
        csrf: hiddenField(html, 'csrf'),
        pick: alice.sub,
      });
      expect(response.status).toBe(401);
    } finally {
      await strict.stop();
    }
  });

  it('rate-limits attempts per username in the shared table (429, even for the right password)', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { browser, uid, csrf } = await openLogin();
      expect(
        (
          await browser.postForm(`/interaction/${uid}/login`, {
            csrf,
            username: 'alice',
            password: `wrong-${attempt}`,
          })
        ).status,
      ).toBe(401);
    }
    const { browser, uid, csrf } = await openLogin();
    const limited = await browser.postForm(`/interaction/${uid}/login`, {
      csrf,
      username: 'alice',
      password: alice.password,
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Too many sign-in attempts');
    // Counted before the password check: the refused fourth attempt is counted too.
    const row = await provider.db.prisma.rateLimiterFlexible.findUnique({
      where: { key: 'login:user:alice' },
    });
    expect(row?.points).toBe(4);
    await provider.db.prisma.rateLimiterFlexible.deleteMany({});
  });

  it('shows an expired-attempt page for an unknown interaction', async () => {
    const response = await new Browser(provider.issuer).get('/interaction/does-not-exist');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('no longer valid');
    expect(html).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('the consent page', () => {
  it('lists each requested scope with its catalogue description', async () => {
    const { browser, uid, csrf } = await openLogin(
      'openid profile email offline_access notes:read notes:write',
    );
    const response = await browser.follow(
      await browser.postForm(`/interaction/${uid}/login`, {
        csrf,
        username: alice.username,
        password: alice.password,
      }),
    );
    const html = await response.text();
    for (const [scope, description] of [
      ['openid', 'Sign you in and confirm who you are.'],
      ['email', 'See your email address and whether it is verified.'],
      ['offline_access', 'Keep access to the data you allow here while you are not using the app.'],
      ['notes:read', 'Read your notes.'],
      ['notes:write', 'Create, change and delete your notes.'],
    ]) {
      expect(html).toContain(`<code>${scope}</code>: ${description}`);
    }
    expect(html).toContain('OAuth Reference Mobile');
    expect(html).toContain('Deny');
  });

  it('is skipped for a web client whose grant already covers the request', async () => {
    const browser = new Browser(provider.issuer);
    const web = {
      clientId: webClient.clientId,
      redirectUri: webClient.redirectUris[0]!,
      scope: 'openid notes:read',
    };
    const first = await browser.follow(
      await browser.get(
        authorizationUrl(provider.issuer, { state: 's', nonce: 'n', pkce: pkcePair(), ...web }),
      ),
    );
    let html = await first.text();
    let uid = /action="\/interaction\/([^"/]+)\/login"/.exec(html)![1];
    html = await (
      await browser.follow(
        await browser.postForm(`/interaction/${uid}/login`, {
          csrf: hiddenField(html, 'csrf'),
          username: alice.username,
          password: alice.password,
        }),
      )
    ).text();
    uid = /action="\/interaction\/([^"/]+)\/confirm"/.exec(html)![1];
    const done = await browser.follow(
      await browser.postForm(`/interaction/${uid}/confirm`, { csrf: hiddenField(html, 'csrf') }),
    );
    expect(done.headers.get('location')).toContain(webClient.redirectUris[0]);
    const again = await browser.follow(
      await browser.get(
        authorizationUrl(provider.issuer, { state: 's2', nonce: 'n', pkce: pkcePair(), ...web }),
      ),
    );
    const body = await again.text();
    expect(
      again.headers.get('location'),
      `${again.status} ${body.slice(body.indexOf('<main>'), body.indexOf('<main>') + 500)}`,
    ).toBeTruthy();
    expect(new URL(again.headers.get('location')!).searchParams.get('code')).toBeTruthy();
  });

  it('is asked again every time for a native client (its redirect URI can be claimed by any app)', async () => {
    const browser = new Browser(provider.issuer);
    const scope = 'openid notes:read';
    for (let round = 0; round < 2; round += 1) {
      let response = await browser.follow(
        await browser.get(
          authorizationUrl(provider.issuer, { state: 's', nonce: 'n', pkce: pkcePair(), scope }),
        ),
      );
      let html = await response.text();
      const login = /action="\/interaction\/([^"/]+)\/login"/.exec(html);
      if (login) {
        response = await browser.follow(
          await browser.postForm(`/interaction/${login[1]}/login`, {
            csrf: hiddenField(html, 'csrf'),
            username: alice.username,
            password: alice.password,
          }),
        );
        html = await response.text();
      }
      const consent = /action="\/interaction\/([^"/]+)\/confirm"/.exec(html);
      expect(consent, `round ${round}`).toBeTruthy();
      const done = await browser.follow(
        await browser.postForm(`/interaction/${consent![1]}/confirm`, {
          csrf: hiddenField(html, 'csrf'),
        }),
      );
      expect(done.headers.get('location')).toContain(mobileClient.redirectUris[0]);
    }
  });
});
