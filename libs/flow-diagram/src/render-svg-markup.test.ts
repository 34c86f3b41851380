import { describe, expect, it } from 'vitest';
import { describeArrow } from './describe-arrow.js';
import { escapeXml } from './escape-xml.js';
import { layoutSequenceDiagram } from './layout-sequence-diagram.js';
import { renderSvgMarkup } from './render-svg-markup.js';
import { shortenText } from './shorten-text.js';

const lifelines = [
  { id: 'app', label: 'App' },
  { id: 'provider', label: 'Provider <AS>' },
];

const hostile = '"><script>alert(1)</script>&';
const model = layoutSequenceDiagram(
  lifelines,
  [
    { from: 'app', to: 'provider', label: 'POST /token', params: [['state', hostile]] },
    { from: 'provider', to: 'app', label: '400 invalid_grant', kind: 'error' },
    { from: 'provider', to: 'app', label: '200', kind: 'response' },
  ],
  { title: 'Flow & "log"' },
);

describe('renderSvgMarkup', () => {
  const svg = renderSvgMarkup(model);

  it('escapes every recorded text, so a parameter can never become markup', () => {
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('state=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
    expect(svg).toContain('<title id="flow-diagram-title">Flow &amp; &quot;log&quot;</title>');
    expect(svg).toContain('Provider &lt;AS&gt;');
  });

  it('is an accessible image whose description lists every arrow in full', () => {
    expect(svg).toMatch(
      /^<svg [^>]*role="img"[^>]*aria-labelledby="flow-diagram-title flow-diagram-desc"/,
    );
    expect(svg).toContain(
      `<desc id="flow-diagram-desc">${escapeXml(model.summary)}\n1. App → Provider`,
    );
    expect(svg.match(/<g data-arrow=/g)).toHaveLength(3);
    expect(svg.match(/<g data-lifeline=/g)).toHaveLength(2);
  });

  it('draws requests solid and responses and errors dashed', () => {
    expect(svg).toMatch(/data-arrow="1" data-kind="request">(?:(?!<\/g>).)*<line [^>]*"\/>/);
    expect(svg).not.toMatch(/data-arrow="1"(?:(?!<\/g>).)*stroke-dasharray="6 4"/);
    expect(svg).toMatch(/data-arrow="2" data-kind="error">(?:(?!<\/g>).)*stroke-dasharray="6 4"/);
    expect(svg).toMatch(
      /data-arrow="3" data-kind="response">(?:(?!<\/g>).)*stroke-dasharray="6 4"/,
    );
  });
});

describe('describeArrow', () => {
  it('names sender, receiver, label and every parameter; marks refusals', () => {
    expect(describeArrow(model.arrows[0]!)).toBe(
      `1. App → Provider <AS>: POST /token (state=${hostile})`,
    );
    expect(describeArrow(model.arrows[1]!)).toBe(
      '2. Provider <AS> → App: 400 invalid_grant [refused]',
    );
  });
});

describe('escapeXml', () => {
  it('replaces the five XML specials and nothing else', () => {
    expect(escapeXml(`<a href='x'>"T&C"</a> é`)).toBe(
      '&lt;a href=&apos;x&apos;&gt;&quot;T&amp;C&quot;&lt;/a&gt; é',
    );
  });
});

describe('shortenText', () => {
  it('cuts to the limit with an ellipsis, and leaves short text alone', () => {
    expect(shortenText('abcdefghij', 6)).toBe('abcde…');
    expect(shortenText('abcdef', 6)).toBe('abcdef');
    expect(shortenText('abc', 1)).toBe('…');
  });
});
