import { describe, expect, it } from 'vitest';
import { decodeJwtForDisplay } from './decode-jwt-for-display.js';
import { maskSecret } from './mask-secret.js';
import { redactTokenResponse } from './redact-token-response.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = `${b64({ alg: 'RS256', typ: 'at+jwt' })}.${b64({ sub: 'alice', name: 'Zoë ✓' })}.c2ln`;

describe('maskSecret', () => {
  it('shows only a 4-character prefix and the length', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(maskSecret(verifier)).toBe('dBjf… (43 chars)');
    expect(maskSecret(verifier)).not.toContain(verifier.slice(4, 10));
  });

  it('hides short values entirely', () => {
    expect(maskSecret('12345678')).toBe('•••••••• (8 chars)');
  });
});

describe('redactTokenResponse', () => {
  it('masks every token-bearing member and keeps the rest', () => {
    const redacted = redactTokenResponse({
      access_token: jwt,
      refresh_token: 'rt-0123456789abcdef',
      id_token: jwt,
      code: 'authorization-code-123',
      code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      token_type: 'Bearer',
      expires_in: 600,
    });
    expect(redacted).toMatchObject({
      token_type: 'Bearer',
      expires_in: 600,
      refresh_token: 'rt-0… (19 chars)',
    });
    const text = JSON.stringify(redacted);
    for (const secret of [
      jwt,
      'rt-0123456789abcdef',
      'authorization-code-123',
      'dBjftJeZ4CVP-mB92K27',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('decodeJwtForDisplay', () => {
  it('decodes header and payload (UTF-8 included)', () => {
    expect(decodeJwtForDisplay(jwt)).toEqual({
      kind: 'jwt',
      header: { alg: 'RS256', typ: 'at+jwt' },
      payload: { sub: 'alice', name: 'Zoë ✓' },
    });
  });

  it('calls anything else opaque, with the reason', () => {
    expect(decodeJwtForDisplay('rt-opaque')).toEqual({
      kind: 'opaque',
      reason: 'not a JWS compact serialisation',
    });
    expect(decodeJwtForDisplay('a.b.c')).toMatchObject({
      kind: 'opaque',
      reason: expect.stringMatching(/base64url/),
    });
    expect(decodeJwtForDisplay(`${b64([1])}.${b64('x')}.c`)).toMatchObject({ kind: 'opaque' });
  });
});
