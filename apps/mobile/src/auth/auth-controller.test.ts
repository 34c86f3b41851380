import { createMemorySecretStore } from '@oauth-ref/pkce-client';
import {
  createFakeAuthorizationServer,
  type FakeAuthorizationServer,
} from '@oauth-ref/pkce-client/testing';
import { describe, expect, it, vi } from 'vitest';
import { loadAppConfig } from '../config/load-app-config.js';
import { createSessionStoragePendingAttemptStore } from '../platform/pending-attempt-store.js';
import { createSessionStorageSessionMarker } from '../platform/session-marker.js';
import { memoryDpopKeyStore } from '../testing/memory-dpop-key-store.js';
import { memoryStorage } from '../testing/memory-storage.js';
import { AuthController } from './auth-controller.js';
import type { AuthorizationOutcome, UserAgent } from './user-agent.js';

const config = loadAppConfig(
  { issuer: undefined, clientId: undefined, apiUrl: undefined, clientSecret: undefined },
  { os: 'web', webOrigin: 'http://localhost:8081', nativeRedirectUri: undefined },
);

type ApiHandler = (request: {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}) => Response;

function createStack(
  options: {
    api?: ApiHandler;
    native?: boolean;
    cancel?: boolean;
    server?: FakeAuthorizationServer;
  } = {},
) {
  const server = options.server ?? createFakeAuthorizationServer();
  const apiCalls: { method: string; url: URL; headers: Headers; body: unknown }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    if (url.origin === 'http://localhost:3333') {
      const request = {
        method: init?.method ?? 'GET',
        url,
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      apiCalls.push(request);
      return (options.api ?? (() => Response.json({ ok: true })))(request);
    }
    return server.fetch(input, init);
  }) as typeof globalThis.fetch;
  const storage = memoryStorage();
  const navigations: URL[] = [];
  const userAgent: UserAgent = {
    supportsEndSession: !options.native,
    startAuthorization: vi.fn(async (url: URL): Promise<AuthorizationOutcome> => {
      navigations.push(url);
      if (options.cancel) return { type: 'cancelled' };
      return options.native
        ? { type: 'callback', url: server.authorize(url) }
        : { type: 'redirecting' };
    }),
    endSession: vi.fn(async (url: URL) => void navigations.push(url)),
    forgetCallbackUrl: vi.fn(),
  };
  const refreshTokenStore = createMemorySecretStore('tab memory');
  const dpopKeyStore = memoryDpopKeyStore();
  const newPage = () =>
    new AuthController(config, {
      refreshTokenStore,
      pendingAttempts: createSessionStoragePendingAttemptStore(storage),
      userAgent,
      dpopKeyStore,
      fetch,
      sessionMarker: createSessionStorageSessionMarker(storage),
    });
  return {
    server,
    fetch,
    storage,
    navigations,
    userAgent,
    refreshTokenStore,
    dpopKeyStore,
    newPage,
    apiCalls,
  };
}

/** Web: sign in on one page, come back to /callback on a fresh page (full-page redirect). */
async function signedInOnWeb(stack = createStack(), tamper?: (callback: URL) => void) {
  const before = stack.newPage();
  await before.start();
  await before.signIn();
  const authorizationUrl = stack.navigations.at(-1) as URL;
  const callback = stack.server.authorize(authorizationUrl);
  tamper?.(callback);
  const after = stack.newPage();
  await after.start(callback);
  return { ...stack, before, controller: after, authorizationUrl, callback };
}

describe('AuthController (web build)', () => {
  it('signs in across the full-page redirect and logs every PKCE step', async () => {
    const stack = createStack();
    const { controller, authorizationUrl, storage, refreshTokenStore, userAgent } =
      await signedInOnWeb(stack);
    const state = controller.getState();
    expect(state.error).toBeUndefined();
    expect(state.phase).toBe('signed-in');
    expect(state.session.status).toBe('signed-in');
    expect(state.log.map((s) => s.kind)).toEqual([
      'dpop-key',
      'discovery',
      'verifier',
      'challenge',
      'authorization-request',
      'callback',
      'callback-checks',
      'token-request',
      'dpop-proof',
      'token-response',
    ]);
    // the proof of the token request, decoded: public jwk in the header, claims for this request
    const proofStep = state.log.find((s) => s.kind === 'dpop-proof');
    const proofHeader = JSON.parse(proofStep?.fields[0]?.value ?? '{}');
    expect(proofHeader).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC' } });
    expect(proofHeader.jwk).not.toHaveProperty('d');
    expect(JSON.parse(proofStep?.fields[1]?.value ?? '{}')).toMatchObject({
      htm: 'POST',
      htu: 'http://localhost:4000/token',
    });
    expect(state.session.tokens?.tokenType).toBe('dpop');
    // one key per install: the callback page reused the key the first page made
    expect(stack.dpopKeyStore.saved).toBe(1);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizationUrl.searchParams.has('client_secret')).toBe(false);
    // the pending attempt was used once and deleted; what is left is a flag with no secret
    expect(storage.length).toBe(1);
    expect(storage.getItem('oauth-ref.mobile.signed-in-in-this-tab')).toBe('1');
    expect(await refreshTokenStore.get()).toMatch(/^rt-/);
    expect(JSON.stringify(state)).not.toContain(String(await refreshTokenStore.get()));
    expect(userAgent.forgetCallbackUrl).toHaveBeenCalled();
  });

  it('refuses a tampered state and never exchanges the code', async () => {
    const { controller, server } = await signedInOnWeb(createStack(), (callback) =>
      callback.searchParams.set('state', 'tampered'),
    );
    const state = controller.getState();
    expect(state.error?.code).toBe('state_mismatch');
    expect(state.session.status).toBe('signed-out');
    expect(state.phase).toBe('ready');
    expect(state.log.at(-1)).toMatchObject({ kind: 'error', outcome: 'refused' });
    expect(server.requests.some((r) => r.path === '/token')).toBe(false);
  });

  it('refuses a callback from another issuer (RFC 9207)', async () => {
    const { controller } = await signedInOnWeb(createStack(), (callback) =>
      callback.searchParams.set('iss', 'https://attacker.example'),
    );
    expect(controller.getState().error?.code).toBe('issuer_mismatch');
  });

  it('refuses a replayed callback: the pending attempt is single-use', async () => {
    const stack = createStack();
    const { callback } = await signedInOnWeb(stack);
    const replay = stack.newPage();
    await replay.start(callback);
    expect(replay.getState().error?.code).toBe('no_pending_attempt');
    expect(replay.getState().log.map((s) => s.kind)).toEqual(['callback', 'error']);
  });

  it('rotates the refresh token on refresh, and ends the session when the provider refuses it', async () => {
    const { controller, refreshTokenStore, server } = await signedInOnWeb();
    const first = await refreshTokenStore.get();
    await controller.refresh();
    const second = await refreshTokenStore.get();
    expect(second).not.toBe(first);
    expect(
      controller
        .getState()
        .log.at(-1)
        ?.fields.find((f) => f.label === 'rotation')?.value,
    ).toMatch(/previous one is now invalid/);
    // the old refresh token is replayed by someone else: the provider revokes the grant
    await server.fetch('http://localhost:4000/token', {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: String(first),
        client_id: 'oauth-ref-mobile',
      }),
    });
    await controller.refresh();
    const state = controller.getState();
    expect(state.error?.code).toBe('refresh_token_rejected');
    expect(state.session.status).toBe('ended');
    expect(await refreshTokenStore.get()).toBeNull();
  });

  it('calls the API with the bearer token and shows a 403 insufficient_scope usefully', async () => {
    const api: ApiHandler = ({ method }) =>
      method === 'POST'
        ? new Response(JSON.stringify({ error: 'insufficient_scope', scope: 'notes:write' }), {
            status: 403,
            headers: {
              'www-authenticate': 'Bearer error="insufficient_scope", scope="notes:write"',
            },
          })
        : Response.json([{ id: 'n1', title: 'hello', body: 'world' }]);
    const stack = createStack({ api });
    const before = stack.newPage();
    await before.start();
    before.setRequestWriteScope(false);
    await before.signIn();
    expect(stack.navigations.at(-1)?.searchParams.get('scope')).toBe(
      'openid profile email offline_access notes:read',
    );
    const controller = stack.newPage();
    await controller.start(stack.server.authorize(stack.navigations.at(-1) as URL));
    await controller.loadNotes();
    expect(controller.getState().notes).toEqual([{ id: 'n1', title: 'hello', body: 'world' }]);
    expect(stack.apiCalls[0]?.headers.get('authorization')).toMatch(/^DPoP eyJ/);
    const proof = stack.apiCalls[0]?.headers.get('dpop') ?? '';
    const claims = JSON.parse(Buffer.from(proof.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ htm: 'GET', htu: 'http://localhost:3333/notes' });
    expect(claims.ath).toMatch(/^[\w-]{43}$/);
    expect(controller.getState().log.at(-2)?.kind).toBe('dpop-proof');
    await controller.createNote('t', 'b');
    const last = controller.getState().lastApiCall;
    expect(last?.result).toMatchObject({ ok: false, status: 403, requiredScope: 'notes:write' });
    expect(controller.getState().log.at(-1)).toMatchObject({
      kind: 'api-request',
      outcome: 'refused',
    });
  });

  it('creates a note, then reloads the list; GET /me is kept for display', async () => {
    const notes: unknown[] = [];
    const api: ApiHandler = ({ method, url, body }) => {
      if (url.pathname === '/me') return Response.json({ sub: 'alice' });
      if (method === 'POST') {
        notes.push(body);
        return Response.json(body, { status: 201 });
      }
      return Response.json({ items: notes });
    };
    const { controller } = await signedInOnWeb(createStack({ api }));
    await controller.callMe();
    await controller.createNote('Groceries', 'milk');
    const state = controller.getState();
    expect(state.me).toEqual({ sub: 'alice' });
    expect(state.notes).toEqual({ items: [{ title: 'Groceries', body: 'milk' }] });
  });

  it('refreshes first when the access token has expired', async () => {
    const stack = createStack({ api: () => Response.json({ sub: 'alice' }) });
    const { controller, refreshTokenStore } = await signedInOnWeb(stack);
    const before = await refreshTokenStore.get();
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 3_600_000);
    try {
      await controller.callMe();
    } finally {
      vi.restoreAllMocks();
    }
    expect(await refreshTokenStore.get()).not.toBe(before);
    expect(
      controller
        .getState()
        .log.map((s) => s.kind)
        .slice(-4),
    ).toEqual(['dpop-proof', 'refresh', 'dpop-proof', 'api-request']);
  });

  it('says "sign in first" when the API is called without a session', async () => {
    const stack = createStack();
    const controller = stack.newPage();
    await controller.start();
    await controller.callMe();
    expect(controller.getState().error).toEqual({
      code: 'unexpected_error',
      message: expect.stringMatching(/Sign in first/),
    });
  });

  it('signs out: revokes the refresh token, clears state, then RP-initiated logout with id_token_hint', async () => {
    const { controller, server, refreshTokenStore, userAgent, navigations } = await signedInOnWeb();
    const refreshToken = await refreshTokenStore.get();
    const idToken = controller.getState().session.tokens?.idToken;
    await controller.signOut();
    expect(server.revoked.has(String(refreshToken))).toBe(true);
    expect(await refreshTokenStore.get()).toBeNull();
    expect(controller.getState().session.status).toBe('signed-out');
    expect(userAgent.endSession).toHaveBeenCalledTimes(1);
    const logout = navigations.at(-1) as URL;
    expect(logout.pathname).toBe('/session/end');
    expect(logout.searchParams.get('id_token_hint')).toBe(idToken);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost:8081/');
    expect(
      controller
        .getState()
        .log.map((s) => s.kind)
        .slice(-2),
    ).toEqual(['revocation', 'logout']);
  });

  it('shows the provider as unavailable when discovery fails', async () => {
    const stack = createStack();
    const controller = new AuthController(config, {
      refreshTokenStore: createMemorySecretStore(),
      pendingAttempts: createSessionStoragePendingAttemptStore(memoryStorage()),
      userAgent: stack.userAgent,
      dpopKeyStore: stack.dpopKeyStore,
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    const listener = vi.fn();
    const unsubscribe = controller.subscribe(listener);
    await controller.start();
    unsubscribe();
    expect(controller.getState()).toMatchObject({
      phase: 'unavailable',
      error: { code: 'discovery_failed' },
    });
    expect(listener).toHaveBeenCalled();
    await controller.signIn();
    expect(controller.getState().error?.message).toMatch(/provider metadata has not been loaded/);
  });
});

describe('AuthController: what a new user meets', () => {
  it('says why a reload signed the tab out, and not after a sign-out', async () => {
    const stack = createStack();
    const { controller } = await signedInOnWeb(stack);
    expect(controller.getState().reloadNotice).toBe(false);
    const reloaded = stack.newPage();
    await reloaded.start();
    expect(reloaded.getState()).toMatchObject({
      reloadNotice: true,
      session: { status: 'signed-out' },
    });
    // read once: the page after that one has nothing to explain
    const again = stack.newPage();
    await again.start();
    expect(again.getState().reloadNotice).toBe(false);

    const signedOut = await signedInOnWeb(stack);
    await signedOut.controller.signOut();
    const afterSignOut = stack.newPage();
    await afterSignOut.start();
    expect(afterSignOut.getState().reloadNotice).toBe(false);
  });

  it('names the API and the cause when the API does not answer', async () => {
    const { controller } = await signedInOnWeb(
      createStack({
        api: () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    );
    await controller.loadNotes();
    const error = controller.getState().error;
    expect(error?.code).toBe('api_unreachable');
    expect(error?.message).toContain('GET http://localhost:3333/notes');
    expect(error?.message).toMatch(/CORS/);
  });
});

describe('AuthController: the lab', () => {
  it('runs the session-keeping attacks with the session’s tokens and keeps the session', async () => {
    const stack = createStack({
      api: ({ headers }) =>
        headers.get('authorization')?.startsWith('DPoP ') && headers.has('dpop')
          ? Response.json({ sub: 'alice' })
          : Response.json({ error: 'invalid_token' }, { status: 401 }),
    });
    const { controller } = await signedInOnWeb(stack);
    await controller.runLab('keeps-session');
    const results = controller.getState().lab.results;
    expect(results.map((r) => r.id)).toEqual([
      'access-token-as-bearer',
      'access-token-without-proof',
      'proof-from-another-key',
      'proof-replay',
      'id-token-as-access-token',
      'refresh-token-without-key',
    ]);
    expect(results[0]).toMatchObject({ outcome: 'refused', status: 401 });
    // this stand-in API checks neither key nor jti: the lab reports it as a failed defence
    expect(results[2]?.outcome).toBe('accepted');
    expect(controller.getState().lab.running).toBeUndefined();
    expect(controller.getState().session.status).toBe('signed-in');
  });

  it('replays the sign-in code it kept in memory, then learns the fate of the grant by refreshing', async () => {
    const stack = createStack();
    const { controller, server, callback } = await signedInOnWeb(stack);
    await controller.runLab('code-replay');
    const redemptions = server.requests.filter(
      (r) => r.form.get('grant_type') === 'authorization_code',
    );
    expect(redemptions.map((r) => r.form.get('code'))).toEqual([
      callback.searchParams.get('code'),
      callback.searchParams.get('code'),
      callback.searchParams.get('code'),
    ]);
    expect(controller.getState().lab.results.map((r) => [r.id, r.outcome])).toEqual([
      ['pkce-wrong-verifier', 'refused'],
      ['code-replay', 'refused'],
    ]);
  });

  it('replays a rotated refresh token: the family is revoked and the app’s own refresh says so', async () => {
    const { controller } = await signedInOnWeb();
    await controller.runLab('refresh-replay');
    expect(controller.getState().lab.results[0]).toMatchObject({
      id: 'refresh-token-replay',
      outcome: 'refused',
    });
    expect(controller.getState().session.status).toBe('ended');
    await controller.runLab('keeps-session');
    expect(controller.getState().lab.results).toHaveLength(1);
  });

  it('runs nothing without a session', async () => {
    const { controller } = await signedInOnWeb();
    await controller.signOut();
    await controller.runLab('code-replay');
    expect(controller.getState().lab.results).toEqual([]);
  });
});

describe('AuthController (native)', () => {
  it('completes the flow in-process when the browser session returns the callback', async () => {
    const stack = createStack({ native: true });
    const controller = stack.newPage();
    await controller.start();
    await controller.signIn();
    expect(controller.getState().session.status).toBe('signed-in');
    await controller.signOut();
    expect(stack.userAgent.endSession).not.toHaveBeenCalled();
    expect(controller.getState().log.at(-1)?.kind).toBe('revocation');
  });

  it('logs a cancelled sign-in and forgets the attempt', async () => {
    const stack = createStack({ native: true, cancel: true });
    const controller = stack.newPage();
    await controller.start();
    await controller.signIn();
    expect(controller.getState()).toMatchObject({
      phase: 'ready',
      session: { status: 'signed-out' },
    });
    expect(controller.getState().log.at(-1)?.title).toBe('Sign-in cancelled');
    expect(stack.storage.length).toBe(0);
  });
});
