import { describe, expect, it } from 'vitest';
import { isSecureUrl } from './secure-url.js';

describe('isSecureUrl (RFC 8414 §2, RFC 9728 §2, loopback http for development)', () => {
  it.each([
    'https://as.example.com',
    'https://as.example.com/tenant/token',
    'http://localhost:4000',
    'http://127.0.0.1:4000/token',
    'http://[::1]:4000/token',
  ])('accepts %s', (url) => {
    expect(isSecureUrl(url)).toBe(true);
  });

  it.each([
    ['plain http to a real host', 'http://as.example.com'],
    ['a localhost look-alike', 'http://localhost.evil.example'],
    ['another scheme', 'ftp://as.example.com'],
    ['javascript', 'javascript:alert(1)'],
    ['a relative URL', '/token'],
    ['credentials in the URL', 'https://user:pass@as.example.com'],
    ['a user name alone', 'https://user@as.example.com'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_, url) => {
    expect(isSecureUrl(url)).toBe(false);
  });

  it('refuses a fragment or query only when told to', () => {
    expect(isSecureUrl('https://as.example.com/a#b')).toBe(true);
    expect(isSecureUrl('https://as.example.com/a#b', { fragment: 'forbidden' })).toBe(false);
    expect(isSecureUrl('https://as.example.com/a#', { fragment: 'forbidden' })).toBe(false);
    expect(isSecureUrl('https://as.example.com/a?b', { query: 'forbidden' })).toBe(false);
    expect(isSecureUrl('https://as.example.com/a?', { query: 'forbidden' })).toBe(false);
    expect(isSecureUrl('https://as.example.com/a?b', { query: 'allowed' })).toBe(true);
  });

  it('takes plain http to any host, or to none, only when told to', () => {
    expect(isSecureUrl('http://192.168.1.20:4000', { http: 'any' })).toBe(true);
    expect(isSecureUrl('http://localhost:4000', { http: 'none' })).toBe(false);
    expect(isSecureUrl('https://as.example.com', { http: 'none' })).toBe(true);
  });
});
