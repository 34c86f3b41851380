// When the provider refuses the refresh token (invalid_grant), the session ends cleanly: one trip
// to the "session expired" page, tokens and session deleted, then the ordinary sign-in — no loop.
import { createPrismaClient } from '@oauth-ref/db';
import { expect, test } from '@playwright/test';
import { e2eDatabaseUrl, urls } from '../support/env.js';
import { signIn } from './web-helpers.js';

test('a refused refresh token ends the session with a message, once', async ({ page }) => {
  await signIn(page);
  const prisma = createPrismaClient(e2eDatabaseUrl());
  try {
    // Simulate a refresh token the provider no longer knows (expired, revoked or reused), and an
    // expired access token, so the next API call must refresh.
    const { count } = await prisma.account.updateMany({
      where: { provider: 'oauth-ref', access_token: { not: null } },
      data: {
        refresh_token: 'unknown-to-the-provider',
        expires_at: Math.floor(Date.now() / 1000) - 60,
      },
    });
    expect(count).toBeGreaterThan(0);
  } finally {
    await prisma.$disconnect();
  }

  await page.goto(`${urls.web}/notes`);
  await expect(page).toHaveURL(`${urls.web}/session-expired`);
  await expect(page.getByRole('heading', { name: 'Your session has expired' })).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);

  // No loop: the session is gone, so the next visit asks to sign in.
  await page.goto(`${urls.web}/notes`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fnotes$/);
  expect(await page.evaluate(async () => (await fetch('/api/auth/session')).json())).toEqual({});
});
