import { layoutSequenceDiagram } from '@oauth-ref/flow-diagram';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FlowDiagram } from './flow-diagram';

const model = layoutSequenceDiagram(
  [
    { id: 'browser', label: 'Browser' },
    { id: 'web', label: 'Web server' },
  ],
  [
    {
      from: 'browser',
      to: 'web',
      label: 'GET /cb',
      params: [['state', '<script>alert(1)</script>']],
      eventId: 'e1',
    },
    { from: 'web', to: 'browser', label: '302', kind: 'response', eventId: 'e1' },
  ],
  { title: 'Your session' },
);
const html = renderToStaticMarkup(createElement(FlowDiagram, { model }));

describe('FlowDiagram', () => {
  it('is an SVG image with a title and description, inside a keyboard-reachable region', () => {
    expect(html).toContain('data-testid="flow-diagram"');
    expect(html).toMatch(
      /<svg[^>]*role="img"[^>]*aria-labelledby="flow-diagram-title flow-diagram-desc"/,
    );
    expect(html).toContain('<title id="flow-diagram-title">Your session</title>');
    expect(html).toMatch(/role="region"[^>]*aria-label="Sequence diagram/);
    expect(html).toContain('tabindex="0"');
  });

  it('draws one group per arrow carrying its event, kind and label', () => {
    expect(html.match(/<g [^>]*data-arrow=/g)).toHaveLength(2);
    expect(html).toContain(
      'data-arrow="2" data-kind="response" data-from="web" data-to="browser" data-event="e1" data-label="302"',
    );
  });

  it('escapes recorded parameters and lists every arrow in full as text', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('state=&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<li>Browser → Web server: GET /cb (state=&lt;script&gt;');
  });

  it('uses no style attribute (the CSP allows no inline styles)', () => {
    expect(html).not.toMatch(/\sstyle=/);
  });
});
