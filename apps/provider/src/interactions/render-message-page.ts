/** A generic message page (errors, expired sign-in attempts): no internals, no stack traces. */
import { html, page } from '../http/html.js';

export function renderMessagePage(title: string, message: string): string {
  return page(title, html`<h1>${title}</h1><p>${message}</p>`);
}
