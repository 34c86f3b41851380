import { describe, expect, it } from 'vitest';
import { describeCaller } from '../me/describe-caller.js';
import { decodeNoteCursor, encodeNoteCursor } from '../notes/note-cursor.js';
import { errorNameForStatus } from './http-error-body.js';
import { DOCS_CONTENT_SECURITY_POLICY, securityHeadersFor } from './security-headers.js';

describe('securityHeadersFor', () => {
  it('gives the docs UI a relaxed CSP and every other path the CSP that allows nothing', () => {
    expect(securityHeadersFor('/docs')['content-security-policy']).toBe(
      DOCS_CONTENT_SECURITY_POLICY,
    );
    expect(securityHeadersFor('/docs/swagger-ui.css')['content-security-policy']).toBe(
      DOCS_CONTENT_SECURITY_POLICY,
    );
    expect(securityHeadersFor('/me')['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(securityHeadersFor('/documents')['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it('defaults every response to no-store (a handler may replace it)', () => {
    expect(securityHeadersFor('/notes')['cache-control']).toBe('no-store');
    expect(securityHeadersFor('/docs')['cache-control']).toBe('no-store');
  });
});

describe('errorNameForStatus', () => {
  it('names statuses the OAuth way and falls back by class', () => {
    expect(errorNameForStatus(413)).toBe('payload_too_large');
    expect(errorNameForStatus(418)).toBe('invalid_request');
    expect(errorNameForStatus(502)).toBe('server_error');
  });
});

describe('note cursor', () => {
  it('round-trips and refuses what it did not issue', () => {
    const cursor = encodeNoteCursor({ createdAt: new Date('2026-11-23T00:00:00.000Z'), id: 'abc' });
    expect(decodeNoteCursor(cursor)).toEqual({
      createdAt: new Date('2026-11-23T00:00:00.000Z'),
      id: 'abc',
    });
    for (const bad of [
      'Zm9v',
      Buffer.from('2026-11-23T00:00:00.000Z|').toString('base64url'),
      Buffer.from('x|y|z').toString('base64url'),
    ]) {
      expect(() => decodeNoteCursor(bad)).toThrow();
    }
  });
});

describe('describeCaller', () => {
  it('reports the expiry and never a negative expires_in', () => {
    const principal = {
      issuer: 'http://i',
      subject: 'alice',
      clientId: 'web',
      scopes: ['notes:read'],
      kind: 'user' as const,
      tokenId: 'j',
      issuedAt: 0,
      expiresAt: 100,
      claims: {},
    };
    expect(describeCaller(principal, 50_000)).toMatchObject({
      expires_in: 50,
      expires_at: '1970-01-01T00:01:40.000Z',
    });
    expect(describeCaller(principal, 500_000).expires_in).toBe(0);
  });
});
