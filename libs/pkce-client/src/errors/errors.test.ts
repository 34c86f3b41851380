import { describe, expect, it } from 'vitest';
import { describePkceClientError, pkceClientErrorCatalogue } from './error-catalogue.js';
import { isNetworkFailure } from './is-network-failure.js';
import { mapTokenEndpointError } from './map-token-endpoint-error.js';
import { isPkceClientError, PkceClientError } from './pkce-client-error.js';

describe('PkceClientError', () => {
  it('carries a stable code, its OAuth error name and the catalogue explanation', () => {
    const error = new PkceClientError('state_mismatch', 'detail');
    expect(error).toMatchObject({
      name: 'PkceClientError',
      code: 'state_mismatch',
      oauthError: 'invalid_request',
    });
    expect(error.message).toBe(`${describePkceClientError('state_mismatch')} (detail)`);
    expect(new PkceClientError('no_refresh_token').message).toBe(
      pkceClientErrorCatalogue.no_refresh_token.explanation,
    );
  });

  it('is recognised by code', () => {
    expect(isPkceClientError(new PkceClientError('state_missing'), 'state_missing')).toBe(true);
    expect(isPkceClientError(new PkceClientError('state_missing'), 'state_mismatch')).toBe(false);
    expect(isPkceClientError(new Error('x'))).toBe(false);
  });

  it('maps unknown token endpoint failures, keeping our own errors as they are', () => {
    const own = new PkceClientError('no_refresh_token');
    expect(mapTokenEndpointError(own, 'refresh_token')).toBe(own);
    expect(mapTokenEndpointError('weird', 'authorization_code')).toMatchObject({
      code: 'token_request_failed',
    });
  });

  it('maps a token request that got no answer to provider_unreachable, not a refusal', () => {
    const error = mapTokenEndpointError(new TypeError('Failed to fetch'), 'refresh_token');
    expect(error.code).toBe('provider_unreachable');
    expect(error.message).toMatch(/Failed to fetch/);
    expect(isNetworkFailure(Object.assign(new TypeError('bad arg'), { code: 'ERR_X' }))).toBe(
      false,
    );
  });
});
