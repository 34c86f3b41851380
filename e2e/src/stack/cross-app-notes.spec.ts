// The stack holds together across clients: one user signed in on the web app (confidential
// client) and on the mobile app (public client) sees the same notes — the API keys them by the
// token's (iss, sub), not by client — and another user sees none of them.
import { expect, test, type Page } from '@playwright/test';
import { alice, bob, urls } from '../support/env.js';
import { signInOnMobile } from '../mobile/mobile-helpers.js';
import { signIn } from '../web/web-helpers.js';

async function createNoteOnWeb(page: Page, title: string): Promise<void> {
  await page.goto(`${urls.web}/notes`);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Text').fill('written on the web app');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('status')).toHaveText('Note created.');
}

async function createNoteOnMobile(page: Page, title: string): Promise<void> {
  await page.getByLabel('Note title').fill(title);
  await page.getByLabel('Note body').fill('written on the mobile app');
  await page.getByRole('button', { name: 'Create note' }).click();
  await expect(page.getByTestId('api-result')).toContainText('POST /notes → 201');
}

async function mobileNotes(page: Page) {
  await page.getByRole('button', { name: 'Load notes' }).click();
  await expect(page.getByTestId('api-result')).toContainText('GET /notes → 200');
  return page.getByRole('list', { name: 'Notes' });
}

test('a note created on one app appears on the other, and only for its owner', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const fromWeb = `From web ${stamp}`;
  const fromMobile = `From mobile ${stamp}`;

  const webContext = await browser.newContext();
  const mobileContext = await browser.newContext();
  const bobContext = await browser.newContext();
  try {
    const web = await webContext.newPage();
    await signIn(web, alice);
    await createNoteOnWeb(web, fromWeb);

    const mobile = await mobileContext.newPage();
    await signInOnMobile(mobile, alice);
    await expect(await mobileNotes(mobile)).toContainText(fromWeb);
    await createNoteOnMobile(mobile, fromMobile);

    await web.goto(`${urls.web}/notes`);
    await expect(web.getByTestId('note').filter({ hasText: fromMobile })).toHaveCount(1);

    const bobPage = await bobContext.newPage();
    await signInOnMobile(bobPage, bob);
    await mobileNotes(bobPage);
    // Bob may have no notes at all (then the app shows "No notes yet" and no list): look at the
    // whole page, so the check holds whatever other tests ran before.
    const bobsView = bobPage.getByRole('main');
    await expect(bobsView).not.toContainText(fromWeb);
    await expect(bobsView).not.toContainText(fromMobile);
  } finally {
    await Promise.all([webContext.close(), mobileContext.close(), bobContext.close()]);
  }
});
