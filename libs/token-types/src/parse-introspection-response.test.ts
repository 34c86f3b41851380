import { describe, expect, it } from 'vitest';
import {
  introspectionResponseSchema,
  parseIntrospectionResponse,
} from './parse-introspection-response.js';
import { catchValidationError } from './testing/catch-validation-error.js';

const active = {
  active: true,
  scope: 'notes:read',
  client_id: 'oauth-ref-web',
  username: 'alice',
  token_type: 'Bearer',
  exp: 1_800_000_300,
  iat: 1_800_000_000,
  nbf: 1_800_000_000,
  sub: 'alice-sub',
  aud: 'http://localhost:3333',
  iss: 'http://localhost:4000',
  jti: 'j1',
};

function failure(input: unknown) {
  const error = catchValidationError(() => parseIntrospectionResponse(input));
  expect(error.code).toBe('ERR_INTROSPECTION_RESPONSE_INVALID');
  return error;
}

describe('parseIntrospectionResponse (RFC 7662 §2.2)', () => {
  it('accepts an active response with every member', () => {
    expect(parseIntrospectionResponse({ ...active, extension: 1 })).toEqual({
      ...active,
      extension: 1,
    });
    expect(parseIntrospectionResponse({ active: true })).toEqual({ active: true });
  });

  it('returns exactly { active: false } for an inactive token, discarding everything else', () => {
    const inactive = parseIntrospectionResponse({
      ...active,
      active: false,
      scope: 'not even valid  ',
    });
    expect(inactive).toEqual({ active: false });
    expect(Object.isFrozen(inactive)).toBe(true);
  });

  it('refuses a missing or non-boolean active', () => {
    for (const input of [{}, { active: 'true' }, { active: 1 }, { ...active, active: undefined }]) {
      const error = failure(input);
      expect(error.field).toBe('active');
      expect(error.rule).toContain('RFC 7662 §2.2');
    }
  });

  it.each([
    ['scope with a double space', { scope: 'a  b' }, 'scope'],
    ['exp as a string', { exp: 'soon' }, 'exp'],
    ['nbf negative', { nbf: -5 }, 'nbf'],
    ['iat as a string', { iat: 'then' }, 'iat'],
    ['aud empty', { aud: [] }, 'aud'],
    ['client_id empty', { client_id: '' }, 'client_id'],
    ['username empty', { username: '' }, 'username'],
    ['token_type empty', { token_type: '' }, 'token_type'],
    ['sub empty', { sub: '' }, 'sub'],
    ['iss empty', { iss: '' }, 'iss'],
    ['jti empty', { jti: '' }, 'jti'],
  ])('refuses an active response with %s', (_, change, field) => {
    expect(failure({ ...active, ...change }).field).toBe(field);
  });

  it('refuses a body that is not an object', () => {
    expect(failure(null).field).toBe('(root)');
  });

  it('exports one schema that narrows on active', () => {
    expect(introspectionResponseSchema.parse({ active: false, sub: 'x' })).toEqual({
      active: false,
    });
    expect(introspectionResponseSchema.parse({ active: true, sub: 'x' })).toEqual({
      active: true,
      sub: 'x',
    });
    const refused = introspectionResponseSchema.safeParse({ active: 'yes' });
    expect(refused.error?.issues[0]?.message).toContain('RFC 7662 §2.2');
  });
});
