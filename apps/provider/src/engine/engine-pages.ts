/**
 * Our look for the pages the engine renders itself (error, logout, device flow): same layout,
 * escaped values, no third-party assets, generic error text (never a stack trace). The `form`
 * strings come from the engine and carry its own CSRF (`xsrf`) field.
 */
import type { KoaContextWithOIDC } from 'oidc-provider';
import { html, page, SafeHtml } from '../http/html.js';

function labelUserCodeInput(form: string): SafeHtml {
  return new SafeHtml(
    `<label for="user_code">Code shown on your device</label>${form.replace('name="user_code"', 'id="user_code" name="user_code"')}`,
  );
}

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

export async function userCodeInputSource(
  ctx: KoaContextWithOIDC,
  form: string,
  _out: unknown,
  err: { userCode?: unknown; name?: string } | undefined,
): Promise<void> {
  const message = err
    ? err.userCode || err.name === 'NoCodeError'
      ? 'That code is not valid. Check it and try again.'
      : 'The sign-in could not be completed. Start again on your device.'
    : 'Enter the code shown on your device.';
  ctx.type = 'html';
  ctx.body = page(
    'Connect a device',
    html`<h1>Connect a device</h1><p ${err ? new SafeHtml('class="error" role="alert"') : new SafeHtml('')}>${message}</p>
${labelUserCodeInput(form)}
<button type="submit" form="op.deviceInputForm">Continue</button>`,
  );
}

export async function userCodeConfirmSource(
  ctx: KoaContextWithOIDC,
  form: string,
  client: { clientName?: string; clientId: string },
  _deviceInfo: unknown,
  userCode: string,
): Promise<void> {
  ctx.type = 'html';
  ctx.body = page(
    'Confirm device',
    html`<h1>Confirm device</h1>
<p><strong>${client.clientName ?? client.clientId}</strong> asks to sign in. Your device should show <code>${userCode}</code>.</p>
${new SafeHtml(form)}
<button type="submit" form="op.deviceConfirmForm">Continue</button>
<button type="submit" form="op.deviceConfirmForm" value="yes" name="abort" class="secondary">Abort</button>`,
  );
}

export async function successSource(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.type = 'html';
  ctx.body = page(
    'Device connected',
    html`<h1>Device connected</h1><p>You can close this page and return to your device.</p>`,
  );
}
