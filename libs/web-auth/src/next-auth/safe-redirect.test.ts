import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect.js';

const base = 'http://localhost:3000';

describe('safeRedirect', () => {
  it('keeps same-origin paths and absolute URLs on this origin', () => {
    expect(safeRedirect('/notes?x=1#top', base)).toEqual({
      url: 'http://localhost:3000/notes?x=1#top',
      blocked: false,
    });
    expect(safeRedirect('http://localhost:3000/profile', base)).toEqual({
      url: 'http://localhost:3000/profile',
      blocked: false,
    });
    expect(safeRedirect('', base)).toEqual({ url: 'http://localhost:3000/', blocked: false });
  });

  it.each([
    'https://evil.example/steal',
    '//evil.example/steal',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://localhost:3001/other-port',
    'http://localhost:3000@evil.example/',
    'https://localhost:3000/',
    '///evil.example',
  ])('blocks the open redirect attempt %s', (target) => {
    expect(safeRedirect(target, base)).toEqual({ url: 'http://localhost:3000/', blocked: true });
  });

  it('blocks what cannot be parsed as a URL', () => {
    expect(safeRedirect('http://[', 'http://localhost:3000')).toEqual({
      url: 'http://localhost:3000/',
      blocked: true,
    });
  });

  it('blocks a same-origin path that a browser would read as protocol-relative', () => {
    expect(safeRedirect('/.//evil.example/', 'http://localhost:3000')).toEqual({
      url: 'http://localhost:3000/',
      blocked: true,
    });
  });
});
