import { generateRandomCodeVerifier } from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { assertCodeVerifier } from './check-code-verifier.js';

describe('assertCodeVerifier (RFC 7636 §4.1)', () => {
  it('accepts the verifiers oauth4webapi generates from the CSPRNG', () => {
    for (let i = 0; i < 20; i += 1)
      expect(() => assertCodeVerifier(generateRandomCodeVerifier())).not.toThrow();
  });

  it('accepts exactly 43 and exactly 128 unreserved characters', () => {
    expect(() => assertCodeVerifier('a'.repeat(43))).not.toThrow();
    expect(() => assertCodeVerifier(`${'A'.repeat(124)}-._~`)).not.toThrow();
  });

  it('refuses 42 characters and 129 characters', () => {
    expect(() => assertCodeVerifier('a'.repeat(42))).toThrow(
      expect.objectContaining({ code: 'verifier_invalid' }),
    );
    expect(() => assertCodeVerifier('a'.repeat(129))).toThrow(
      expect.objectContaining({ code: 'verifier_invalid' }),
    );
  });

  it('refuses characters outside the unreserved set and says so', () => {
    expect(() => assertCodeVerifier(`${'a'.repeat(42)}+`)).toThrow(/outside the unreserved set/);
    expect(() => assertCodeVerifier(`${'a'.repeat(42)}=`)).toThrow(
      expect.objectContaining({ code: 'verifier_invalid' }),
    );
  });
});
