import { describe, expect, it } from 'vitest';
import { parseProtectedResourceMetadata } from './parse-protected-resource-metadata.js';
import { catchValidationError } from './testing/catch-validation-error.js';

const resource = 'http://localhost:3333';

function failure(input: unknown, expectations = {}) {
  const error = catchValidationError(() => parseProtectedResourceMetadata(input, expectations));
  expect(error.code).toBe('ERR_PROTECTED_RESOURCE_METADATA_INVALID');
  return error;
}

describe('parseProtectedResourceMetadata (RFC 9728 §2)', () => {
  it('accepts a full document and keeps unknown members', () => {
    const full = {
      resource,
      authorization_servers: ['http://localhost:4000'],
      jwks_uri: `${resource}/jwks`,
      scopes_supported: ['notes:read', 'notes:write', 'notes:stats'],
      bearer_methods_supported: ['header'],
      resource_signing_alg_values_supported: ['ES256'],
      resource_name: 'Notes API',
      resource_documentation: 'https://docs.example.com/notes',
      resource_policy_uri: 'https://docs.example.com/policy',
      resource_tos_uri: 'https://docs.example.com/tos',
      tls_client_certificate_bound_access_tokens: false,
      dpop_bound_access_tokens_required: false,
      authorization_details_types_supported: ['notes'],
    };
    expect(parseProtectedResourceMetadata(full, { expectedResource: resource })).toEqual(full);
  });

  it('accepts the minimum (resource), and [] as "no bearer methods"', () => {
    expect(parseProtectedResourceMetadata({ resource, bearer_methods_supported: [] })).toEqual({
      resource,
      bearer_methods_supported: [],
    });
  });

  it('refuses a resource that is not identical to the expected one (RFC 9728 §3.3)', () => {
    const error = failure({ resource: `${resource}/` }, { expectedResource: resource });
    expect(error.field).toBe('resource');
    expect(error.rule).toContain('RFC 9728 §3.3');
  });

  it.each([
    ['missing resource', {}, 'resource'],
    ['a resource with a fragment', { resource: `${resource}#a` }, 'resource'],
    ['an http resource on a real host', { resource: 'http://api.example.com' }, 'resource'],
    [
      'an insecure authorization server',
      { resource, authorization_servers: ['http://as.example.com'] },
      'authorization_servers.0',
    ],
    [
      'an authorization server with a query',
      { resource, authorization_servers: ['https://as.example.com?x=1'] },
      'authorization_servers.0',
    ],
    [
      'authorization servers as a string',
      { resource, authorization_servers: 'https://as.example.com' },
      'authorization_servers',
    ],
    [
      'a multi-token scope',
      { resource, scopes_supported: ['notes:read notes:write'] },
      'scopes_supported.0',
    ],
    ['scopes as a string', { resource, scopes_supported: 'notes:read' }, 'scopes_supported'],
    [
      'an unknown bearer method',
      { resource, bearer_methods_supported: ['cookie'] },
      'bearer_methods_supported.0',
    ],
    [
      'bearer methods as a string',
      { resource, bearer_methods_supported: 'header' },
      'bearer_methods_supported',
    ],
    [
      '"none" as a signing algorithm',
      { resource, resource_signing_alg_values_supported: ['none'] },
      'resource_signing_alg_values_supported.0',
    ],
    [
      'signing algorithms as a string',
      { resource, resource_signing_alg_values_supported: 'ES256' },
      'resource_signing_alg_values_supported',
    ],
    ['an empty resource name', { resource, resource_name: '' }, 'resource_name'],
    ['an insecure jwks_uri', { resource, jwks_uri: 'http://api.example.com/jwks' }, 'jwks_uri'],
    [
      'documentation that is not a URL',
      { resource, resource_documentation: 'see docs' },
      'resource_documentation',
    ],
    [
      'a string boolean',
      { resource, dpop_bound_access_tokens_required: 'false' },
      'dpop_bound_access_tokens_required',
    ],
    [
      'a string mTLS flag',
      { resource, tls_client_certificate_bound_access_tokens: 'no' },
      'tls_client_certificate_bound_access_tokens',
    ],
  ])('refuses %s', (_, input, field) => {
    const error = failure(input);
    expect(error.field).toBe(field);
    expect(error.rule).toContain('RFC 9728');
  });

  it('refuses a document that is not an object', () => {
    expect(failure(null).field).toBe('(root)');
  });
});
