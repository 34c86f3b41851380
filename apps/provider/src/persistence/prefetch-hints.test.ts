import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { prefetchHints } from './prefetch-hints.js';

const request = (url: string, cookie?: string) =>
  ({ url, headers: cookie ? { cookie } : {} }) as IncomingMessage;

describe('prefetch hints', () => {
  it('names the URL interaction and the session cookie on the authorization and interaction routes', () => {
    const cookie = 'op.session=S-1; op.session.sig=x; other=1';
    expect(prefetchHints(request('/interaction/U-1/confirm', cookie), 'op.session')).toEqual([
      { model: 'Interaction', id: 'U-1' },
      { model: 'Session', id: 'S-1' },
    ]);
    expect(prefetchHints(request('/auth/U-2', cookie), 'op.session')).toEqual([
      { model: 'Interaction', id: 'U-2' },
      { model: 'Session', id: 'S-1' },
    ]);
    expect(prefetchHints(request('/auth?client_id=c', cookie), 'op.session')).toEqual([
      { model: 'Session', id: 'S-1' },
    ]);
  });

  it('names nothing elsewhere, and ignores values that are not ids', () => {
    expect(prefetchHints(request('/token', 'op.session=S-1'), 'op.session')).toEqual([]);
    expect(prefetchHints(request('/auth', 'op.session=a%20b'), 'op.session')).toEqual([]);
    expect(prefetchHints(request('/interaction/U-1/other'), 'op.session')).toEqual([]);
  });
});
