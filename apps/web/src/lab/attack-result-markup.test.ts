import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AttackResult } from '../../app/lab/attack-result';
import type { AttackReport } from './lab-types';

function render(report: AttackReport): string {
  return renderToStaticMarkup(createElement(AttackResult, { attackId: 'alg-none', report }));
}

const base = { steps: [], cleanup: [], durationMs: 12 } as const;

describe('AttackResult', () => {
  it('carries data-attack and data-outcome for tests to read', () => {
    const html = render({ ...base, outcome: 'refused', summary: 'held' });
    expect(html).toContain('data-attack="alg-none"');
    expect(html).toContain('data-outcome="refused"');
  });

  it('shows an accepted attack as a red failure', () => {
    const html = render({ ...base, outcome: 'accepted', summary: 'the API took it' });
    expect(html).toContain('class="lab-result outcome-accepted"');
    expect(html).toContain('security failure');
  });

  it('shows the request, its decoded token and the response of each step', () => {
    const html = render({
      ...base,
      outcome: 'refused',
      summary: 'held',
      steps: [
        {
          title: 'Attacker calls the API',
          role: 'attack',
          refused: true,
          request: {
            method: 'GET',
            url: 'http://api/me',
            headers: { authorization: 'Bearer eyJ…' },
            tokens: [{ label: 'Authorization', header: { alg: 'none' }, payload: { sub: 'x' } }],
          },
          response: { status: 401, wwwAuthenticate: 'Bearer error="invalid_token"' },
        },
      ],
    });
    expect(html).toContain('GET http://api/me');
    expect(html).toContain('&quot;alg&quot;: &quot;none&quot;');
    expect(html).toContain('Bearer error=&quot;invalid_token&quot;');
    expect(html).toContain('lab-badge outcome-refused');
  });
});
