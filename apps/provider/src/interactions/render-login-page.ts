/** The sign-in page: a picker of the seeded demo users (demo mode) and a username/password form. */
import { html, page } from '../http/html.js';

export interface LoginPageInput {
  readonly uid: string;
  readonly csrf: string;
  readonly clientName: string;
  readonly seededUsers: readonly { id: string; username: string; name: string }[];
  readonly error?: string;
  readonly username?: string;
}

export function renderLoginPage(input: LoginPageInput): string {
  const action = `/interaction/${encodeURIComponent(input.uid)}/login`;
  const picker =
    input.seededUsers.length > 0
      ? html`<fieldset class="picker">
<legend>Demo users (quick sign-in)</legend>
<form method="post" action="${action}">
<input type="hidden" name="csrf" value="${input.csrf}">
${input.seededUsers.map(
  (user) =>
    html`<button type="submit" name="pick" value="${user.id}">Sign in as ${user.name} (${user.username})</button>`,
)}
</form>
</fieldset>`
      : html``;
  return page(
    'Sign in',
    html`<h1>Sign in</h1>
<p>to continue to <strong>${input.clientName}</strong></p>
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : html``}
<form method="post" action="${action}" autocomplete="on">
<input type="hidden" name="csrf" value="${input.csrf}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" required autofocus value="${input.username ?? ''}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
${picker}
<form method="post" action="/interaction/${encodeURIComponent(input.uid)}/abort">
<input type="hidden" name="csrf" value="${input.csrf}">
<button type="submit" class="secondary">Cancel</button>
</form>`,
  );
}
