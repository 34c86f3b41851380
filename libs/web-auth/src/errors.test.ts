import { describe, expect, it } from 'vitest';
import {
  AuthError,
  ProviderErrorResponse,
  ProviderUnavailableError,
  RefreshLeaseTimeoutError,
  RefreshRejectedError,
  SessionExpiredError,
} from './errors.js';

describe('token lifecycle errors', () => {
  it('carry stable codes and the detail callers switch on', () => {
    const errors = [
      new SessionExpiredError('refresh-rejected'),
      new RefreshRejectedError('invalid_grant'),
      new ProviderUnavailableError('ECONNREFUSED'),
      new ProviderErrorResponse('invalid_client', 401),
      new RefreshLeaseTimeoutError(),
    ];
    expect(errors.map((error) => error.code)).toEqual([
      'SESSION_EXPIRED',
      'REFRESH_REJECTED',
      'PROVIDER_UNAVAILABLE',
      'PROVIDER_ERROR',
      'REFRESH_LEASE_TIMEOUT',
    ]);
    for (const error of errors) expect(error).toBeInstanceOf(AuthError);
    expect(new ProviderErrorResponse('invalid_client', 401)).toMatchObject({
      oauthError: 'invalid_client',
      status: 401,
      name: 'ProviderErrorResponse',
    });
    expect(new SessionExpiredError('no-account').message).toContain('sign in again');
  });
});
