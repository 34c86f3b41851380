import { describe, expect, it } from 'vitest';
import { parseTokenResponse } from './parse-token-response.js';
import { catchValidationError } from './testing/catch-validation-error.js';

const valid = { access_token: 'eyJ.a.b', token_type: 'Bearer', expires_in: 300 };

function failure(input: unknown) {
  return catchValidationError(() => parseTokenResponse(input));
}

describe('parseTokenResponse (RFC 6749 §5.1)', () => {
  it('accepts a complete response and keeps unknown members', () => {
    const response = parseTokenResponse({
      ...valid,
      refresh_token: 'r1',
      scope: 'openid notes:read',
      id_token: 'eyJ.c.d',
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    });
    expect(response).toMatchObject({ ...valid, refresh_token: 'r1', scope: 'openid notes:read' });
    expect(response['issued_token_type']).toBe('urn:ietf:params:oauth:token-type:access_token');
  });

  it('accepts the minimum: access_token and token_type', () => {
    expect(parseTokenResponse({ access_token: 'x', token_type: 'Bearer' })).toEqual({
      access_token: 'x',
      token_type: 'Bearer',
    });
  });

  it.each([
    ['bearer', 'Bearer'],
    ['BEARER', 'Bearer'],
    ['dpop', 'DPoP'],
    ['DPoP', 'DPoP'],
  ])('treats token_type %s case-insensitively and returns %s', (sent, canonical) => {
    expect(parseTokenResponse({ ...valid, token_type: sent }).token_type).toBe(canonical);
  });

  it.each(['mac', 'Bearer ', '', 'N_A'])('refuses token_type %j', (tokenType) => {
    const error = failure({ ...valid, token_type: tokenType });
    expect(error.code).toBe('ERR_TOKEN_RESPONSE_INVALID');
    expect(error.field).toBe('token_type');
    expect(error.rule).toMatch(/RFC 6749 §5\.1/);
  });

  it.each([
    ['access_token missing', { token_type: 'Bearer' }, 'access_token'],
    ['access_token empty', { ...valid, access_token: '' }, 'access_token'],
    ['access_token not a string', { ...valid, access_token: 42 }, 'access_token'],
    ['token_type missing', { access_token: 'x' }, 'token_type'],
    ['expires_in as a string', { ...valid, expires_in: '3600' }, 'expires_in'],
    ['expires_in fractional', { ...valid, expires_in: 1.5 }, 'expires_in'],
    ['expires_in negative', { ...valid, expires_in: -1 }, 'expires_in'],
    ['refresh_token empty', { ...valid, refresh_token: '' }, 'refresh_token'],
    ['scope with a double space', { ...valid, scope: 'openid  email' }, 'scope'],
    ['scope with a tab', { ...valid, scope: 'openid\temail' }, 'scope'],
    ['scope as an array', { ...valid, scope: ['openid'] }, 'scope'],
    ['id_token empty', { ...valid, id_token: '' }, 'id_token'],
  ])('refuses %s, naming the field', (_, input, field) => {
    const error = failure(input);
    expect(error.field).toBe(field);
    expect(error.rule).toMatch(/RFC 6749|OIDC Core/);
  });

  it.each([null, 'access_token=x', [valid], 42])(
    'refuses a body that is not an object: %j',
    (input) => {
      const error = failure(input);
      expect(error.field).toBe('(root)');
      expect(error.rule).toBe('RFC 6749 §5.1: a token response is a JSON object');
    },
  );

  it('reports every broken rule in issues, the first as field and rule', () => {
    const error = failure({});
    expect(error.issues.map((issue) => issue.field)).toEqual(['access_token', 'token_type']);
  });
});
