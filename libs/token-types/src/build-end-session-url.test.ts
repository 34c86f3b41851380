import { describe, expect, it } from 'vitest';
import { buildEndSessionUrl } from './build-end-session-url.js';

describe('buildEndSessionUrl (OIDC RP-Initiated Logout §2)', () => {
  it('sends client_id, id_token_hint, the post-logout redirect URI and state', () => {
    const url = buildEndSessionUrl('http://localhost:4000/session/end?ui=1', {
      clientId: 'oauth-ref-web',
      idTokenHint: 'eyJ.id.token',
      postLogoutRedirectUri: 'http://localhost:3000/signed-out',
      state: 's1',
    });
    expect(`${url.origin}${url.pathname}`).toBe('http://localhost:4000/session/end');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      ui: '1',
      client_id: 'oauth-ref-web',
      id_token_hint: 'eyJ.id.token',
      post_logout_redirect_uri: 'http://localhost:3000/signed-out',
      state: 's1',
    });
  });

  it('leaves out what it does not have', () => {
    const url = buildEndSessionUrl('http://localhost:4000/session/end', {
      clientId: 'oauth-ref-web',
      idTokenHint: null,
    });
    expect([...url.searchParams.keys()]).toEqual(['client_id']);
  });
});
