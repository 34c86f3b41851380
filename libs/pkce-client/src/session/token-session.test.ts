import { describe, expect, it, vi } from 'vitest';
import { buildAuthorizationUrl } from '../build-authorization-url.js';
import { validateCallback } from '../callback/validate-callback.js';
import { createAuthorizationAttempt } from '../create-authorization-attempt.js';
import { PkceClientError } from '../errors/pkce-client-error.js';
import { exchangeAuthorizationCode } from '../exchange-authorization-code.js';
import { refreshTokenSet } from '../refresh-token-set.js';
import {
  createFakeAuthorizationServer,
  type FakeAuthorizationServerOptions,
  testSettings,
} from '../testing/index.js';
import { createMemorySecretStore } from './secret-store.js';
import { createTokenSession } from './token-session.js';

async function signedInSession(options: FakeAuthorizationServerOptions = {}) {
  const server = createFakeAuthorizationServer(options);
  const settings = { ...testSettings, fetch: server.fetch };
  const attempt = await createAuthorizationAttempt(settings);
  const { params } = validateCallback(
    server.metadata,
    attempt,
    server.authorize(buildAuthorizationUrl(server.metadata, attempt)),
  );
  const tokens = await exchangeAuthorizationCode(server.metadata, settings, attempt, params);
  const store = createMemorySecretStore('test memory');
  const refresh = vi.fn((current, refreshToken) =>
    refreshTokenSet(server.metadata, settings, current, refreshToken),
  );
  const session = createTokenSession(store, refresh);
  await session.start(tokens);
  return { server, settings, tokens, store, session, refresh };
}

describe('token session: refresh rotation', () => {
  it('keeps the refresh token in the store, not in the in-memory state', async () => {
    const { session, store, tokens } = await signedInSession();
    expect(await store.get()).toBe(tokens.refreshToken);
    expect(session.state()).toMatchObject({ status: 'signed-in', hasRefreshToken: true });
    expect(JSON.stringify(session.state())).not.toContain(String(tokens.refreshToken));
  });

  it('replaces the stored refresh token with the rotated one on every refresh', async () => {
    const { session, store, tokens } = await signedInSession();
    const first = await session.refresh();
    expect(first.rotated).toBe(true);
    const afterFirst = await store.get();
    expect(afterFirst).not.toBe(tokens.refreshToken);
    expect(session.state().tokens?.accessToken).toBe(first.tokenSet.accessToken);
    expect(session.state().tokens?.idTokenClaims?.sub).toBe(tokens.idTokenClaims?.sub);
    await session.refresh();
    expect(await store.get()).not.toBe(afterFirst);
  });

  it('ends the session when the provider refuses a reused refresh token', async () => {
    const { server, settings, session, store, tokens } = await signedInSession();
    await session.refresh();
    // An attacker (or a buggy second tab) replays the first, already-rotated refresh token:
    await expect(
      refreshTokenSet(server.metadata, settings, undefined, tokens.refreshToken),
    ).rejects.toMatchObject({
      code: 'refresh_token_rejected',
    });
    // ... the provider revoked the whole grant, so our own next refresh is refused and the session ends.
    const listener = vi.fn();
    session.subscribe(listener);
    await expect(session.refresh()).rejects.toBeInstanceOf(PkceClientError);
    expect(session.state()).toEqual({ status: 'ended', tokens: undefined, hasRefreshToken: false });
    expect(await store.get()).toBeNull();
    expect(listener).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'ended' }));
  });

  it('runs concurrent refreshes once, so rotation never presents one refresh token twice', async () => {
    const { session, refresh } = await signedInSession();
    const [a, b] = await Promise.all([session.refresh(), session.refresh()]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(session.state().status).toBe('signed-in');
  });

  it('keeps the session on other refresh failures (a network error is not a revoked grant)', async () => {
    const store = createMemorySecretStore();
    const session = createTokenSession(store, async () => {
      throw new PkceClientError('token_request_failed', 'network down');
    });
    await store.set('rt');
    await expect(session.refresh()).rejects.toMatchObject({ code: 'token_request_failed' });
    expect(await store.get()).toBe('rt');
  });

  it('reports that there is nothing to refresh after sign-out, and clear() hands back what to revoke', async () => {
    const { session, tokens } = await signedInSession();
    const unsubscribe = session.subscribe(() => undefined);
    expect(await session.clear()).toEqual({
      refreshToken: tokens.refreshToken,
      idToken: tokens.idToken,
    });
    unsubscribe();
    expect(session.state()).toEqual({
      status: 'signed-out',
      tokens: undefined,
      hasRefreshToken: false,
    });
    await expect(session.refresh()).rejects.toMatchObject({ code: 'no_refresh_token' });
  });

  it('copes with a provider that does not rotate, and one that issues no refresh token', async () => {
    const notRotating = await signedInSession({ rotateRefreshTokens: false });
    const result = await notRotating.session.refresh();
    expect(result.rotated).toBe(false);
    expect(await notRotating.store.get()).toBe(notRotating.tokens.refreshToken);

    const none = await signedInSession({ issueRefreshTokens: false });
    expect(none.session.state().hasRefreshToken).toBe(false);
    expect(await none.store.get()).toBeNull();
  });
});
