/**
 * Server-rendered HTML for the provider's own pages: every interpolated value is escaped, the one
 * stylesheet is inline and allowed by its hash in the CSP, and nothing is loaded from a third party.
 */
import { createHash } from 'node:crypto';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes a value for HTML text and double- or single-quoted attribute contexts. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (char) => ESCAPES[char] ?? char);
}

/** A fragment of HTML that is already safe (built from escaped parts). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Tagged template: interpolations are escaped unless they are `SafeHtml` (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) out += part instanceof SafeHtml ? part.value : escapeHtml(part);
    out += strings[index + 1] ?? '';
  });
  return new SafeHtml(out);
}

const STYLE = `
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f4f5f7;color:#1b1f23}
main{max-width:28rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.4rem;margin-top:0}label{display:block;margin:.75rem 0 .25rem;font-weight:600}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #8a939c;border-radius:4px;font-size:1rem}
button{margin-top:1rem;padding:.55rem 1rem;font-size:1rem;border-radius:4px;border:1px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b5cad}.error{color:#a4000f;background:#fde7e9;padding:.5rem;border-radius:4px}
ul.scopes li{margin:.4rem 0}code{background:#eef0f2;padding:0 .2rem;border-radius:3px}fieldset{border:1px solid #d0d7de;border-radius:4px;margin-top:1rem}
.picker button{display:block;width:100%;text-align:left;background:#fff;color:#0b5cad}
:root{color-scheme:light dark}
@media (prefers-color-scheme:dark){
body{background:#0f1419;color:#e6e9ed}main{background:#1a2129;box-shadow:0 1px 3px rgba(0,0,0,.6)}
input[type=text],input[type=password]{background:#0f1419;color:#e6e9ed;border-color:#8b96a3}
button{border-color:#6cb0f5;background:#6cb0f5;color:#0b1520}
button.secondary,.picker button{background:#1a2129;color:#8cc3f8;border-color:#6cb0f5}
.error{color:#ffb3b8;background:#4a1218}code{background:#2a333d;color:#e6e9ed}fieldset{border-color:#3d4752}
a{color:#8cc3f8}
}
`;

export const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * The `<style>` element, built here so its content is exactly STYLE: the CSP hash covers every
 * character between the tags, so whitespace added around it by an editor would block the styles.
 */
const STYLE_ELEMENT = new SafeHtml(`<style>${STYLE}</style>`);

/**
 * The CSP of every response: nothing from anywhere but this origin, no framing (clickjacking),
 * inline scripts only by hash (the engine adds one for its form_post response mode).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src ${STYLE_HASH}`,
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function page(title: string, body: SafeHtml): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
${STYLE_ELEMENT}
</head>
<body>
<main>
${body}
</main>
</body>
</html>`.value;
}
