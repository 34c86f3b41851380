// Checks shared by the mobile screen specs: a 390×844 phone, no sideways scroll, axe clean.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mintToken } from '../support/admin-api.js';
import { urls } from '../support/env.js';

export const PHONE = { width: 390, height: 844 } as const;
export const SCHEMES = ['light', 'dark'] as const;

/** The screen fits a phone (no horizontal scroll) and axe reports no violation at all. */
export async function expectScreenClean(page: Page, screen: string): Promise<void> {
  const { scrollWidth, viewport } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(scrollWidth, `${screen} scrolls sideways`).toBeLessThanOrEqual(viewport);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`),
    `${screen} accessibility`,
  ).toEqual([]);
}

/** The page really renders in the requested scheme: the page background is dark or light. */
export async function expectScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  const luminance = await page.evaluate(() => {
    // the app's page background: the first element with an opaque background colour
    const painted = Array.from(document.querySelectorAll<HTMLElement>('#root *'))
      .map((element) => getComputedStyle(element).backgroundColor)
      .find((colour) => colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent');
    const [r = 0, g = 0, b = 0] = (painted ?? '').match(/\d+/g)?.map(Number) ?? [];
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });
  if (scheme === 'dark') expect(luminance).toBeLessThan(0.2);
  else expect(luminance).toBeGreaterThan(0.8);
}

/** Deletes every note of a user through the real API (a token minted by the test provider). */
export async function deleteAllNotes(sub: string): Promise<void> {
  const token = await mintToken('valid', { sub, scope: 'notes:read notes:write' });
  const headers = { authorization: `Bearer ${token}` };
  for (;;) {
    const page = (await (await fetch(`${urls.api}/notes?limit=100`, { headers })).json()) as {
      items: { id: string }[];
    };
    if (page.items.length === 0) return;
    for (const note of page.items) {
      const deleted = await fetch(`${urls.api}/notes/${note.id}`, { method: 'DELETE', headers });
      expect(deleted.status).toBe(204);
    }
  }
}
