import { describe, expect, it } from 'vitest';
import { flowIdFromState } from './flow-id.js';
import { redactCallbackParams } from './redact-callback-params.js';

describe('flowIdFromState', () => {
  it('ties the steps of one sign-in together without storing the state itself', () => {
    const id = flowIdFromState('state-value');
    expect(id).toMatch(/^signin-[0-9a-f]{24}$/);
    expect(id).toBe(flowIdFromState('state-value'));
    expect(id).not.toContain('state-value');
    expect(flowIdFromState('other')).not.toBe(id);
  });
});

describe('redactCallbackParams', () => {
  it('replaces the authorization code by its length and keeps the rest', () => {
    expect(redactCallbackParams({ code: 'abc', state: 's', iss: 'http://op' })).toEqual({
      code: '[redacted authorization code, 3 characters]',
      state: 's',
      iss: 'http://op',
    });
    expect(redactCallbackParams({ error: 'access_denied' })).toEqual({ error: 'access_denied' });
  });
});
