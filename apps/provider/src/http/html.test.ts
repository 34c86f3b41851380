import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, escapeHtml, html, page, SafeHtml } from './html.js';

describe('html escaping', () => {
  it('escapes every character that can break out of text or attributes', () => {
    expect(escapeHtml(`<script>"'&\``)).toBe('&lt;script&gt;&quot;&#39;&amp;&#96;');
  });
  it('escapes interpolations unless they are SafeHtml', () => {
    const evil = '"><img src=x onerror=alert(1)>';
    expect(html`<input value="${evil}">`.value).not.toContain('<img');
    expect(html`<p>${new SafeHtml('<b>ok</b>')}</p>`.value).toBe('<p><b>ok</b></p>');
    expect(html`<ul>${['<a>', new SafeHtml('<li>')]}</ul>`.value).toBe('<ul>&lt;a&gt;<li></ul>');
  });
  it('renders pages without third-party assets and with a frame-ancestors none policy', () => {
    const output = page('T', html`<p>x</p>`);
    expect(output).not.toMatch(/https?:\/\//);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });
});
