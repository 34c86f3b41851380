import { describe, expect, it } from 'vitest';
import { classifySignInFailure } from './classify-sign-in-failure.js';

describe('classifySignInFailure', () => {
  it.each([
    [{ providerError: 'access_denied', reason: null }, 'AccessDenied'],
    [{ providerError: 'server_error', reason: null }, 'ProviderUnavailable'],
    [{ providerError: 'invalid_scope', reason: null }, 'OAuthCallback'],
    [{ providerError: null, reason: 'state mismatch, expected abc, got: def' }, 'StateMismatch'],
    [
      {
        providerError: null,
        reason: 'iss mismatch, expected http://localhost:4000, got: http://evil.example',
      },
      'IssuerMismatch',
    ],
    [{ providerError: null, reason: 'iss missing from the response' }, 'IssuerMismatch'],
    [
      { providerError: null, reason: 'nonce mismatch, expected undefined, got: x' },
      'InvalidIdToken',
    ],
    [{ providerError: null, reason: 'invalid_grant (grant request is invalid)' }, 'InvalidGrant'],
    [{ providerError: null, reason: 'connect ECONNREFUSED 127.0.0.1:4000' }, 'ProviderUnavailable'],
    [{ providerError: null, reason: null }, 'OAuthCallback'],
  ])('classifies %j as %s', (input, expected) => {
    expect(classifySignInFailure(input).error).toBe(expected);
  });
});
