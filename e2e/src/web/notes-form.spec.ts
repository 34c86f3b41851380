// The note form: limits stated before typing, refused clearly (never cut), a failed save keeps
// what was typed and shows the error beside the form, and a pasted JWT does not widen the page.
import { expect, test, type Page } from '@playwright/test';
import { urls } from '../support/env.js';
import { signIn } from './web-helpers.js';

async function pageIsNoWiderThanViewport(page: Page): Promise<void> {
  const { scrollWidth, viewport } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(viewport);
}

test('states the limits before typing and refuses an over-long title without losing the text', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`${urls.web}/notes`);
  await expect(page.getByTestId('title-count')).toHaveText('0 / 200 characters');
  await expect(page.getByTestId('body-count')).toHaveText('0 / 10,000 characters');
  await expect(page.getByLabel('Title')).toHaveAttribute('maxlength', '200');

  // A client that skips maxLength (old browser, script, crafted POST) is refused by the server.
  await page.getByLabel('Title').evaluate((input) => input.removeAttribute('maxlength'));
  const longTitle = `T${'x'.repeat(200)}`;
  await page.getByLabel('Title').fill(longTitle);
  await page.getByLabel('Text').fill('keep me');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('note-form-error')).toContainText(
    'The title has 201 characters; the limit is 200. Nothing was saved.',
  );
  await expect(page.getByLabel('Title')).toHaveValue(longTitle);
  await expect(page.getByLabel('Text')).toHaveValue('keep me');
  await expect(page.getByTestId('note').filter({ hasText: 'keep me' })).toHaveCount(0);
  await expect(page).toHaveURL(`${urls.web}/notes`);

  await page.getByLabel('Title').fill('x'.repeat(200));
  await expect(page.getByTestId('title-count')).toHaveText('200 / 200 characters — limit reached');
});

test('a save that fails at the API keeps the typed note and shows why beside the form', async ({
  page,
}) => {
  const { controlApp } = await import('../support/stack-control.js');
  await signIn(page);
  await page.goto(`${urls.web}/notes`);
  const title = `Unsaved ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Text').fill('typed while the API was down');
  await controlApp('api', 'stop');
  try {
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByTestId('note-form-error')).toContainText('not reachable');
    await expect(page.getByLabel('Title')).toHaveValue(title);
    await expect(page.getByLabel('Text')).toHaveValue('typed while the API was down');
  } finally {
    await controlApp('api', 'start');
  }
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('status')).toHaveText('Note created.');
  await expect(page.getByTestId('note').filter({ hasText: title })).toHaveCount(1);
});

test('a pasted JWT in a note does not make the page wider than the screen', async ({ page }) => {
  await signIn(page);
  await page.goto(`${urls.web}/notes`);
  const jwt = `eyJhbGciOiJSUzI1NiJ9.${'eyJzdWIiOiJhbGljZSJ9'.repeat(200)}.${'s'.repeat(342)}`;
  const title = `JWT ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Text').fill(jwt);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('status')).toHaveText('Note created.');
  try {
    await pageIsNoWiderThanViewport(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await pageIsNoWiderThanViewport(page);
    await page.getByTestId('note').filter({ hasText: title }).getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Edit note' })).toBeVisible();
    await pageIsNoWiderThanViewport(page);
    await expect(page.getByTestId('body-count')).toHaveText(
      `${jwt.length.toLocaleString('en')} / 10,000 characters`,
    );
  } finally {
    // The JWT-shaped text must not stay: other specs scan alice's pages for anything JWT-shaped.
    await page.goto(`${urls.web}/notes`);
    await page.getByRole('button', { name: `Delete ${title}` }).click();
    await expect(page.getByRole('status')).toHaveText('Note deleted.');
  }
});
