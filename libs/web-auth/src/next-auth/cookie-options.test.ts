import { describe, expect, it } from 'vitest';
import { buildCookieOptions } from './cookie-options.js';

describe('buildCookieOptions', () => {
  it('names every next-auth cookie with the web. prefix, HttpOnly and SameSite=Lax', () => {
    const cookies = buildCookieOptions('web.', false);
    for (const cookie of Object.values(cookies)) {
      expect(cookie.name.startsWith('web.')).toBe(true);
      expect(cookie.options).toMatchObject({
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: false,
      });
    }
    expect(Object.keys(cookies).sort()).toEqual([
      'callbackUrl',
      'csrfToken',
      'nonce',
      'pkceCodeVerifier',
      'sessionToken',
      'state',
    ]);
  });

  it('marks them Secure when the app is served over https', () => {
    for (const cookie of Object.values(buildCookieOptions('web.', true)))
      expect(cookie.options.secure).toBe(true);
  });
});
