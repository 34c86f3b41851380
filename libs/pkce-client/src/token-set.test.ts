import type * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { toTokenSet } from './token-set.js';

const response = (extra: Partial<oauth.TokenEndpointResponse>) =>
  ({ access_token: 'at', token_type: 'bearer', ...extra }) as oauth.TokenEndpointResponse;

describe('toTokenSet', () => {
  it('falls back to the requested scope and leaves expiry unknown when the server states neither', () => {
    expect(toTokenSet(response({}), { requestedScope: 'openid notes:read', now: 0 })).toEqual({
      accessToken: 'at',
      tokenType: 'bearer',
      expiresAt: undefined,
      scope: ['openid', 'notes:read'],
      refreshToken: undefined,
      idToken: undefined,
      idTokenClaims: undefined,
    });
  });

  it('keeps what a refresh response omits from the previous set, and takes what it sends', () => {
    // (a response carrying an id_token must have been processed by oauth4webapi first)
    const previous = {
      ...toTokenSet(response({ refresh_token: 'rt-1', scope: 'a b', expires_in: 10 }), {
        requestedScope: 'x',
        now: 0,
      }),
      idToken: 'id-1',
    };
    const next = toTokenSet(response({ access_token: 'at-2', expires_in: 60 }), {
      requestedScope: 'x',
      now: 1_000,
      previous,
    });
    expect(next).toMatchObject({
      accessToken: 'at-2',
      expiresAt: 61_000,
      scope: ['a', 'b'],
      refreshToken: 'rt-1',
      idToken: 'id-1',
    });
    const rotated = toTokenSet(response({ refresh_token: 'rt-2', scope: 'a' }), {
      requestedScope: 'x',
      now: 0,
      previous,
    });
    expect(rotated).toMatchObject({ refreshToken: 'rt-2', scope: ['a'] });
  });
});
