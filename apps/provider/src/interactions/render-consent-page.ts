/** The consent page: each requested scope with its description from `@oauth-ref/scopes`. */
import { describeScope } from '@oauth-ref/scopes';
import { html, page } from '../http/html.js';

export interface ConsentPageInput {
  readonly uid: string;
  readonly csrf: string;
  readonly clientName: string;
  readonly userName: string;
  readonly scopes: readonly string[];
  readonly resources: readonly string[];
}

export function renderConsentPage(input: ConsentPageInput): string {
  const base = `/interaction/${encodeURIComponent(input.uid)}`;
  return page(
    'Allow access?',
    html`<h1>Allow access?</h1>
<p><strong>${input.clientName}</strong> asks to act for <strong>${input.userName}</strong> with these permissions:</p>
<ul class="scopes">
${input.scopes.map(
  (scope) =>
    html`<li><code>${scope}</code>: ${describeScope(scope)?.description ?? 'Unknown permission.'}</li>`,
)}
</ul>
${input.resources.length > 0 ? html`<p>At: ${input.resources.map((resource) => html`<code>${resource}</code> `)}</p>` : html``}
<form method="post" action="${base}/confirm">
<input type="hidden" name="csrf" value="${input.csrf}">
<button type="submit">Allow</button>
</form>
<form method="post" action="${base}/abort">
<input type="hidden" name="csrf" value="${input.csrf}">
<button type="submit" class="secondary">Deny</button>
</form>`,
  );
}
