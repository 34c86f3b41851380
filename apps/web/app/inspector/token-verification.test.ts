import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TokenVerification } from './token-verification';

const render = (verification: Parameters<typeof TokenVerification>[0]['verification']) =>
  renderToStaticMarkup(createElement(TokenVerification, { verification }));

describe('TokenVerification', () => {
  it('marks each check with its outcome, rule and reason, and the verdict', () => {
    const html = render({
      audience: 'http://localhost:3333',
      explanation: {
        checks: [
          { id: 'signature', rule: 'RFC 7515 §5.2', outcome: 'pass', reason: 'RS256 verified' },
          {
            id: 'exp',
            rule: 'RFC 7519 §4.1.4',
            outcome: 'fail',
            reason: 'The access token expired',
            code: 'token_expired',
          },
          { id: 'cnf', rule: 'RFC 9449', outcome: 'skipped', reason: 'Not checked' },
        ],
        verdict: { accepted: false, reason: 'The access token expired', code: 'token_expired' },
      },
    });
    expect(html).toContain('data-check="signature" data-outcome="pass"');
    expect(html).toContain('data-check="exp" data-outcome="fail"');
    expect(html).toContain('data-check="cnf" data-outcome="skipped"');
    expect(html).toContain('<span class="badge danger">fail</span>');
    expect(html).toContain('The access token expired (<code>token_expired</code>)');
    expect(html).toContain('data-accepted="false"');
    expect(html).toContain('Whole pipeline: refused.');
  });

  it('says so when no access token is stored', () => {
    expect(render(null)).toContain('No access token is stored');
  });
});
