import { describe, expect, it } from 'vitest';
import { pickAccountFields, pickTokenColumns } from './account-columns.js';

describe('pickAccountFields', () => {
  it('keeps only the Account columns and lower-cases token_type', () => {
    expect(
      pickAccountFields({
        userId: 'u',
        type: 'oauth',
        provider: 'oauth-ref',
        providerAccountId: 'sub',
        access_token: 'at',
        token_type: 'Bearer',
        expires_at: 10,
        refresh_expires_in: 1800,
        'not-before-policy': 0,
        expires_in: 60,
      }),
    ).toEqual({
      userId: 'u',
      type: 'oauth',
      provider: 'oauth-ref',
      providerAccountId: 'sub',
      access_token: 'at',
      token_type: 'bearer',
      expires_at: 10,
    });
  });

  it('gives every token column, null when absent, for the update on each sign-in', () => {
    expect(pickTokenColumns({ access_token: 'at', expires_at: 5 })).toEqual({
      access_token: 'at',
      refresh_token: null,
      id_token: null,
      expires_at: 5,
      scope: null,
      token_type: null,
      session_state: null,
    });
  });
});
