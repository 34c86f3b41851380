/**
 * Our look for the pages the engine renders itself (error, logout): same layout,
 * escaped values, no third-party assets, generic error text (never a stack trace). The `form`
 * strings come from the engine and carry its own CSRF (`xsrf`) field.
 */
import type { KoaContextWithOIDC } from 'oidc-provider';
import { html, page, SafeHtml } from '../http/html.js';

export async function renderError(
  ctx: KoaContextWithOIDC,
  out: { error?: string; error_description?: string },
): Promise<void> {
  ctx.type = 'html';
  ctx.set('cache-control', 'no-store');
  ctx.body = page(
    'Something went wrong',
    html`<h1>Something went wrong</h1><p><code>${out.error ?? 'server_error'}</code></p><p>${out.error_description ?? ''}</p>`,
  );
}

export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const client = ctx.oidc.client?.clientName ?? ctx.oidc.client?.clientId;
  ctx.type = 'html';
  ctx.body = page(
    'Sign out',
    html`<h1>Sign out?</h1>
<p>${client ? html`<strong>${client}</strong> asks to sign you out.` : html`Do you want to sign out of this provider?`}</p>
${new SafeHtml(form)}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm" class="secondary">No, stay signed in</button>`,
  );
}

export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.type = 'html';
  ctx.body = page(
    'Signed out',
    html`<h1>Signed out</h1><p>You are signed out of the provider.</p>`,
  );
}
