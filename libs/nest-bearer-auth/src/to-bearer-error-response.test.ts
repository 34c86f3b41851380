import { describe, expect, it } from 'vitest';
import {
  InsufficientScopeError,
  InvalidRequestError,
  InvalidTokenError,
  JwksUnavailableError,
  MissingCredentialsError,
} from './errors/bearer-auth-error.js';
import { mapVerificationError } from './map-verification-error.js';
import { toBearerErrorResponse } from './to-bearer-error-response.js';

const context = {
  resourceMetadataUrl: 'http://localhost:3333/.well-known/oauth-protected-resource',
};

describe('toBearerErrorResponse: the one error mapping', () => {
  it('maps each class to its status and challenge', () => {
    expect(toBearerErrorResponse(new MissingCredentialsError(), context)).toMatchObject({
      status: 401,
      headers: { 'WWW-Authenticate': `Bearer resource_metadata="${context.resourceMetadataUrl}"` },
    });
    expect(
      toBearerErrorResponse(new InvalidRequestError('token_in_query', 'no'), context).status,
    ).toBe(400);
    expect(
      toBearerErrorResponse(new InvalidTokenError('token_expired', 'expired'), context).headers[
        'WWW-Authenticate'
      ],
    ).toBe(
      `Bearer error="invalid_token", error_description="expired", resource_metadata="${context.resourceMetadataUrl}"`,
    );
    const scope = toBearerErrorResponse(
      new InsufficientScopeError(['notes:read', 'notes:write']),
      context,
    );
    expect(scope.status).toBe(403);
    expect(scope.headers['WWW-Authenticate']).toContain('scope="notes:read notes:write"');
    const unavailable = toBearerErrorResponse(new JwksUnavailableError(), context);
    expect(unavailable).toMatchObject({
      status: 503,
      body: { error: 'temporarily_unavailable', code: 'jwks_unavailable' },
    });
    expect(unavailable.headers['WWW-Authenticate']).toBeUndefined();
  });
});

describe('mapVerificationError', () => {
  const named = (name: string, message: string) => Object.assign(new Error(message), { name });
  it('turns jsonwebtoken errors into stable codes', () => {
    expect(mapVerificationError(named('TokenExpiredError', 'jwt expired')).code).toBe(
      'token_expired',
    );
    expect(mapVerificationError(named('NotBeforeError', 'jwt not active')).code).toBe(
      'token_not_yet_valid',
    );
    expect(mapVerificationError(named('JsonWebTokenError', 'invalid signature')).code).toBe(
      'signature_invalid',
    );
    expect(
      mapVerificationError(named('JsonWebTokenError', 'jwt issuer invalid. expected: x')).code,
    ).toBe('issuer_mismatch');
    expect(
      mapVerificationError(named('JsonWebTokenError', 'jwt audience invalid. expected: x')).code,
    ).toBe('audience_mismatch');
    expect(mapVerificationError(named('JsonWebTokenError', 'invalid algorithm')).code).toBe(
      'algorithm_not_allowed',
    );
    expect(mapVerificationError(named('JsonWebTokenError', 'jwt malformed')).code).toBe(
      'token_malformed',
    );
    expect(mapVerificationError(new Error('something else')).code).toBe('token_invalid');
    expect(mapVerificationError('not an error').code).toBe('token_invalid');
  });

  it('turns jose errors into stable codes', () => {
    const jose = (code: string, extra: Record<string, unknown> = {}) =>
      Object.assign(new Error(code), { code, ...extra });
    expect(mapVerificationError(jose('ERR_JWT_EXPIRED')).code).toBe('token_expired');
    expect(mapVerificationError(jose('ERR_JWS_SIGNATURE_VERIFICATION_FAILED')).code).toBe(
      'signature_invalid',
    );
    expect(mapVerificationError(jose('ERR_JOSE_ALG_NOT_ALLOWED')).code).toBe(
      'algorithm_not_allowed',
    );
    expect(mapVerificationError(jose('ERR_JWS_INVALID')).code).toBe('token_malformed');
    const claim = (claimName: string, reason: string) =>
      jose('ERR_JWT_CLAIM_VALIDATION_FAILED', { claim: claimName, reason });
    expect(mapVerificationError(claim('sub', 'missing')).code).toBe('claim_missing');
    expect(mapVerificationError(claim('iss', 'check_failed')).code).toBe('issuer_mismatch');
    expect(mapVerificationError(claim('aud', 'check_failed')).code).toBe('audience_mismatch');
    expect(mapVerificationError(claim('nbf', 'check_failed')).code).toBe('token_not_yet_valid');
    expect(mapVerificationError(claim('typ', 'check_failed')).code).toBe('type_not_access_token');
    expect(mapVerificationError(claim('iat', 'check_failed')).code).toBe('token_issued_in_future');
    expect(mapVerificationError(claim('iat', 'invalid')).code).toBe('claim_invalid');
    expect(mapVerificationError(claim('jti', 'invalid')).code).toBe('claim_invalid');
  });
});
