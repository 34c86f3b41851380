/**
 * The client's session: the access token (and ID token) in memory, the refresh token in a
 * {@link SecretStore}. Refresh is single-flight and rotating: the stored refresh token is replaced
 * by the new one before anyone can use the old one again; if the provider refuses a refresh token
 * (reused, revoked, expired), everything is cleared and the session is over.
 */
import { isPkceClientError } from '../errors/pkce-client-error.js';
import type { RefreshResult } from '../refresh-token-set.js';
import type { TokenSet } from '../token-set.js';
import type { SecretStore } from './secret-store.js';
import { singleFlight } from './single-flight.js';

/** The session as the UI sees it. Only the access token and ID token are held in memory here. */
export interface TokenSessionState {
  readonly status: 'signed-out' | 'signed-in' | 'ended';
  /** The in-memory token set without its refresh token (that one lives in the store). */
  readonly tokens: Omit<TokenSet, 'refreshToken'> | undefined;
  readonly hasRefreshToken: boolean;
}

/** What the session needs to refresh: one call that uses a refresh token once. */
export type RefreshOperation = (
  current: TokenSet | undefined,
  refreshToken: string | null,
) => Promise<RefreshResult>;

/** A token session. */
export interface TokenSession {
  state(): TokenSessionState;
  /** Stores a fresh token set (after the code exchange). */
  start(tokens: TokenSet): Promise<void>;
  /** Refreshes once, even if called concurrently; ends the session on a refused refresh token. */
  refresh(): Promise<RefreshResult>;
  /** Clears everything, returning the refresh token and ID token so they can be revoked / hinted. */
  clear(): Promise<{ refreshToken: string | null; idToken: string | undefined }>;
  subscribe(listener: (state: TokenSessionState) => void): () => void;
}

/**
 * Creates a token session over a refresh-token store.
 *
 * @example
 * const session = createTokenSession(createMemorySecretStore(), (current, rt) => refreshTokenSet(as, settings, current, rt));
 * await session.start(tokens);
 * await session.refresh(); // rotates: the store now holds the new refresh token
 */
export function createTokenSession(
  store: SecretStore,
  refreshOperation: RefreshOperation,
): TokenSession {
  let tokens: Omit<TokenSet, 'refreshToken'> | undefined;
  let status: TokenSessionState['status'] = 'signed-out';
  let hasRefreshToken = false;
  const listeners = new Set<(state: TokenSessionState) => void>();

  const state = (): TokenSessionState => ({ status, tokens, hasRefreshToken });
  const emit = () => listeners.forEach((listener) => listener(state()));

  const keep = async (next: TokenSet) => {
    const { refreshToken, ...inMemory } = next;
    if (refreshToken) await store.set(refreshToken);
    else await store.delete();
    tokens = Object.freeze(inMemory);
    hasRefreshToken = Boolean(refreshToken);
    status = 'signed-in';
    emit();
  };

  const refresh = singleFlight(async () => {
    const refreshToken = await store.get();
    try {
      const result = await refreshOperation(
        tokens ? { ...tokens, refreshToken: refreshToken ?? undefined } : undefined,
        refreshToken,
      );
      await keep(result.tokenSet);
      return result;
    } catch (error) {
      if (isPkceClientError(error, 'refresh_token_rejected')) {
        await store.delete();
        tokens = undefined;
        hasRefreshToken = false;
        status = 'ended';
        emit();
      }
      throw error;
    }
  });

  return {
    state,
    start: keep,
    refresh,
    async clear() {
      const refreshToken = await store.get();
      const idToken = tokens?.idToken;
      await store.delete();
      tokens = undefined;
      hasRefreshToken = false;
      status = 'signed-out';
      emit();
      return { refreshToken, idToken };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
