import { describe, expect, it } from 'vitest';
import { isSameOriginPost } from './handle-logout';

const post = (headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/logout', { method: 'POST', headers });

describe('isSameOriginPost', () => {
  it('accepts a POST whose Origin is this app', () => {
    expect(
      isSameOriginPost(post({ origin: 'http://localhost:3000' }), 'http://localhost:3000'),
    ).toBe(true);
  });
  it('refuses another origin, including the provider on another port of localhost', () => {
    expect(
      isSameOriginPost(post({ origin: 'http://localhost:4000' }), 'http://localhost:3000'),
    ).toBe(false);
    expect(
      isSameOriginPost(post({ origin: 'https://evil.example' }), 'http://localhost:3000'),
    ).toBe(false);
  });
  it('falls back to Sec-Fetch-Site and refuses when neither header proves same origin', () => {
    expect(
      isSameOriginPost(post({ 'sec-fetch-site': 'same-origin' }), 'http://localhost:3000'),
    ).toBe(true);
    expect(
      isSameOriginPost(post({ 'sec-fetch-site': 'cross-site' }), 'http://localhost:3000'),
    ).toBe(false);
    expect(isSameOriginPost(post({}), 'http://localhost:3000')).toBe(false);
  });
});
