import { describe, expect, it } from 'vitest';
import { parseAuthorizationServerMetadata } from './parse-authorization-server-metadata.js';
import { catchValidationError } from './testing/catch-validation-error.js';

const issuer = 'http://localhost:4000';
const metadata = {
  issuer,
  authorization_endpoint: `${issuer}/auth`,
  token_endpoint: `${issuer}/token`,
  jwks_uri: `${issuer}/jwks`,
  response_types_supported: ['code'],
};

function failure(input: unknown, expectations = {}) {
  const error = catchValidationError(() => parseAuthorizationServerMetadata(input, expectations));
  expect(error.code).toBe('ERR_AUTHORIZATION_SERVER_METADATA_INVALID');
  return error;
}

describe('parseAuthorizationServerMetadata (RFC 8414 §2, OIDC Discovery §3)', () => {
  it('accepts a full discovery document and keeps unknown members', () => {
    const full = {
      ...metadata,
      issuer: 'https://as.example.com',
      authorization_endpoint: 'https://as.example.com/authorize',
      token_endpoint: 'https://as.example.com/oauth/token',
      jwks_uri: 'https://as.example.com/.well-known/jwks.json',
      registration_endpoint: 'https://as.example.com/register',
      userinfo_endpoint: 'https://as.example.com/me',
      end_session_endpoint: 'https://as.example.com/logout',
      revocation_endpoint: 'https://as.example.com/revoke',
      introspection_endpoint: 'https://as.example.com/introspect',
      pushed_authorization_request_endpoint: 'https://as.example.com/par',
      scopes_supported: ['openid', 'notes:read'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256', 'ES256'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
      authorization_response_iss_parameter_supported: true,
      claims_supported: ['sub'],
    };
    expect(
      parseAuthorizationServerMetadata(full, { expectedIssuer: 'https://as.example.com' }),
    ).toEqual(full);
  });

  it('accepts the mock provider on loopback http', () => {
    expect(parseAuthorizationServerMetadata(metadata, { expectedIssuer: issuer }).issuer).toBe(
      issuer,
    );
  });

  it('refuses an issuer that is not identical to the expected one (RFC 8414 §3.3)', () => {
    for (const expectedIssuer of [`${issuer}/`, 'http://LOCALHOST:4000', 'http://localhost:4001']) {
      const error = failure(metadata, { expectedIssuer });
      expect(error.field).toBe('issuer');
      expect(error.rule).toContain('RFC 8414 §3.3');
    }
  });

  it.each([
    ['a query', `${issuer}?tenant=a`],
    ['a fragment', `${issuer}#x`],
    ['plain http to a real host', 'http://as.example.com'],
    ['a relative value', '/'],
  ])('refuses an issuer with %s', (_, value) => {
    expect(failure({ ...metadata, issuer: value }).field).toBe('issuer');
  });

  it.each([
    'issuer',
    'token_endpoint',
    'jwks_uri',
    'response_types_supported',
    'authorization_endpoint',
  ])('refuses a document without %s', (member) => {
    const { [member as keyof typeof metadata]: _removed, ...rest } = metadata;
    expect(failure(rest).field).toBe(member);
  });

  it('lets a client-credentials-only server leave out authorization_endpoint', () => {
    const { authorization_endpoint: _removed, ...rest } = metadata;
    expect(() =>
      parseAuthorizationServerMetadata({ ...rest, grant_types_supported: ['client_credentials'] }),
    ).not.toThrow();
    expect(
      failure({ ...rest, grant_types_supported: ['client_credentials', 'authorization_code'] })
        .field,
    ).toBe('authorization_endpoint');
  });

  it.each([
    [
      'an http token endpoint on a real host',
      { token_endpoint: 'http://as.example.com/token' },
      'token_endpoint',
    ],
    [
      'an authorization endpoint with a fragment',
      { authorization_endpoint: `${issuer}/auth#x` },
      'authorization_endpoint',
    ],
    ['an http jwks_uri', { jwks_uri: 'http://as.example.com/jwks' }, 'jwks_uri'],
    [
      'an insecure revocation endpoint',
      { revocation_endpoint: 'http://as.example.com/r' },
      'revocation_endpoint',
    ],
    ['empty response types', { response_types_supported: [] }, 'response_types_supported'],
    [
      'response types as a string',
      { response_types_supported: 'code' },
      'response_types_supported',
    ],
    ['an empty response type', { response_types_supported: [''] }, 'response_types_supported.0'],
    ['a scope with a space', { scopes_supported: ['openid email'] }, 'scopes_supported.0'],
    ['a scope with a quote', { scopes_supported: ['a"b'] }, 'scopes_supported.0'],
    ['scopes as a string', { scopes_supported: 'openid' }, 'scopes_supported'],
    [
      'grant types as a string',
      { grant_types_supported: 'authorization_code' },
      'grant_types_supported',
    ],
    [
      '"none" for token endpoint auth',
      { token_endpoint_auth_signing_alg_values_supported: ['RS256', 'none'] },
      'token_endpoint_auth_signing_alg_values_supported.1',
    ],
    [
      'an empty alg name',
      { token_endpoint_auth_signing_alg_values_supported: [''] },
      'token_endpoint_auth_signing_alg_values_supported.0',
    ],
    [
      'algs as a string',
      { token_endpoint_auth_signing_alg_values_supported: 'RS256' },
      'token_endpoint_auth_signing_alg_values_supported',
    ],
    [
      'iss support as a string',
      { authorization_response_iss_parameter_supported: 'true' },
      'authorization_response_iss_parameter_supported',
    ],
  ])('refuses %s', (_, change, field) => {
    const error = failure({ ...metadata, ...change });
    expect(error.field).toBe(field);
    expect(error.rule).toMatch(/RFC|OIDC/);
  });

  it('refuses a document that is not an object', () => {
    expect(failure('{}').field).toBe('(root)');
  });
});
