// Notes through the API, called by the web server with the user's access token.
import { expect, test } from '@playwright/test';
import { urls } from '../support/env.js';
import { signIn } from './web-helpers.js';

test('creates, edits and deletes a note through the API', async ({ page }) => {
  await signIn(page);
  await page.goto(`${urls.web}/notes`);
  await expect(page.getByTestId('notes-load-error')).toHaveCount(0);
  const title = `Shopping ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Text').fill('milk, eggs');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('status')).toHaveText('Note created.');
  const note = page.getByTestId('note').filter({ hasText: title });
  await expect(note).toContainText('milk, eggs');

  await note.getByRole('link', { name: `Edit ${title}` }).click();
  await expect(page.getByRole('heading', { name: 'Edit note' })).toBeVisible();
  await page.getByLabel('Title').fill(`${title} (edited)`);
  await page.getByLabel('Text').fill('milk, eggs, bread');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Note saved.');
  const edited = page.getByTestId('note').filter({ hasText: `${title} (edited)` });
  await expect(edited).toContainText('bread');

  await edited.getByRole('button', { name: `Delete ${title} (edited)` }).click();
  await expect(page.getByRole('status')).toHaveText('Note deleted.');
  await expect(page.getByTestId('note').filter({ hasText: title })).toHaveCount(0);
});

test('shows a useful message when the API is down, and recovers', async ({ page }) => {
  const { controlApp } = await import('../support/stack-control.js');
  await signIn(page);
  await controlApp('api', 'stop');
  try {
    await page.goto(`${urls.web}/notes`);
    await expect(page.getByTestId('notes-load-error')).toContainText('not reachable');
  } finally {
    await controlApp('api', 'start');
  }
  await page.goto(`${urls.web}/notes`);
  await expect(page.getByTestId('notes-load-error')).toHaveCount(0);
});
