/**
 * Single-flight refresh (RFC 6749 §6 with rotation, RFC 9700 §4.14).
 *
 * When the access token is close to expiry, exactly one caller refreshes, even when several
 * requests arrive at once on several server instances:
 * 1. in one process, concurrent callers for an account share one promise;
 * 2. across processes, the caller that wins an atomic conditional UPDATE on the Account row
 *    (`refreshLeaseId`/`refreshLeaseUntil`) refreshes; the others poll the row until the lease is
 *    gone, then re-read the fresh tokens.
 * The rotated refresh token replaces the old one in the same write that releases the lease. On
 * `invalid_grant` the tokens are forgotten and the user's sessions end (SessionExpiredError).
 */
import { randomUUID } from 'node:crypto';
import { RefreshLeaseTimeoutError, RefreshRejectedError, SessionExpiredError } from './errors.js';
import type { RefreshedTokens, StoredTokens, TokenStore } from './token-store.js';

export interface SingleFlightRefreshOptions {
  readonly store: TokenStore;
  /** Performs the refresh_token grant. Throws RefreshRejectedError on invalid_grant. */
  readonly refresh: (refreshToken: string) => Promise<RefreshedTokens>;
  /** Called after a successful refresh with the previous and the new tokens (for audit trails; never log them raw). */
  readonly onRefreshed?: (account: StoredTokens, tokens: RefreshedTokens) => Promise<void> | void;
  /** Called once when the provider refused the refresh token (the session has just been ended). */
  readonly onRejected?: (
    account: StoredTokens,
    error: RefreshRejectedError,
  ) => Promise<void> | void;
  /** Refresh this many seconds before `expires_at` (default 10). */
  readonly skewSeconds?: number;
  /** How long a lease is valid, so a crashed holder cannot block others for ever (default 15 s). */
  readonly leaseMs?: number;
  /** Poll interval while another caller holds the lease (default 100 ms). */
  readonly pollMs?: number;
  /** Give up waiting after this long (default: 2 × leaseMs). */
  readonly maxWaitMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What an operation that used the refresh token hands back. */
export interface RefreshTokenUse<T> {
  readonly result: T;
  /** The refresh token the provider rotated to, if it did. */
  readonly rotatedRefreshToken?: string;
}

export interface AccessTokenSource {
  /** A valid access token for the account, refreshing it first if it is (nearly) expired. */
  getAccessToken(accountId: string): Promise<string>;
  /** Refreshes now unless another caller just did; for tests and the inspector's "refresh" button. */
  forceRefresh(accountId: string): Promise<string>;
  /**
   * Runs another use of the refresh token (e.g. a refresh narrowed to OIDC scopes to get a token
   * for UserInfo) under the same lease, so it never races a refresh; stores the rotated token.
   */
  useRefreshToken<T>(
    accountId: string,
    operation: (refreshToken: string) => Promise<RefreshTokenUse<T>>,
  ): Promise<T>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Whether the stored access token can still be used for `skewSeconds` more.
 *
 * @example
 * isFresh({ ...stored, expiresAt: 1000 }, 960_000, 30); // true: 40 s left
 */
export function isFresh(tokens: StoredTokens, nowMs: number, skewSeconds: number): boolean {
  if (tokens.accessToken === null) return false;
  if (tokens.expiresAt === null) return true;
  return tokens.expiresAt - skewSeconds > Math.floor(nowMs / 1000);
}

/**
 * Creates the per-process token source.
 *
 * @example
 * const tokens = createSingleFlightRefresh({ store: prismaTokenStore(prisma), refresh: refreshGrant });
 * const accessToken = await tokens.getAccessToken(account.id);
 */
export function createSingleFlightRefresh(options: SingleFlightRefreshOptions): AccessTokenSource {
  const {
    store,
    refresh,
    skewSeconds = 10,
    leaseMs = 15_000,
    pollMs = 100,
    now = Date.now,
    sleep = defaultSleep,
  } = options;
  const maxWaitMs = options.maxWaitMs ?? leaseMs * 2;
  const inFlight = new Map<string, Promise<string>>();

  async function readOrExpire(accountId: string): Promise<StoredTokens> {
    const tokens = await store.read(accountId);
    if (tokens === null || tokens.accessToken === null) throw new SessionExpiredError('no-account');
    return tokens;
  }

  /** invalid_grant ends the session (tokens forgotten); anything else just releases the lease. */
  async function failAsLeaseHolder(
    current: StoredTokens,
    leaseId: string,
    error: unknown,
  ): Promise<never> {
    if (error instanceof RefreshRejectedError) {
      await store.revokeLocally(current.accountId, current.userId);
      await options.onRejected?.(current, error);
      throw new SessionExpiredError('refresh-rejected');
    }
    await store.releaseLease(current.accountId, leaseId);
    throw error;
  }

  async function refreshAsLeaseHolder(current: StoredTokens, leaseId: string): Promise<string> {
    if (current.refreshToken === null) {
      await store.releaseLease(current.accountId, leaseId);
      throw new SessionExpiredError('no-refresh-token');
    }
    let refreshed: RefreshedTokens;
    try {
      refreshed = await refresh(current.refreshToken);
    } catch (error) {
      return await failAsLeaseHolder(current, leaseId, error);
    }
    const saved = await store.saveRefreshed(current.accountId, leaseId, refreshed);
    if (!saved) {
      // Our lease expired while the provider was slow and someone else took over. Their write wins;
      // use what is stored (our rotated refresh token is lost, theirs is current).
      return (await readOrExpire(current.accountId)).accessToken as string;
    }
    await options.onRefreshed?.(current, refreshed);
    return refreshed.accessToken;
  }

  async function obtain(accountId: string, force: boolean): Promise<string> {
    const startedAt = now();
    let forced = force;
    for (;;) {
      const current = await readOrExpire(accountId);
      if (!forced && isFresh(current, now(), skewSeconds)) return current.accessToken as string;
      const leaseId = randomUUID();
      const acquired = await store.tryAcquireLease(
        accountId,
        leaseId,
        new Date(now() + leaseMs),
        new Date(now()),
      );
      if (acquired) {
        // Re-read under the lease: a holder that finished just before we acquired has refreshed.
        const underLease = await readOrExpire(accountId);
        if (
          underLease.accessToken !== current.accessToken &&
          isFresh(underLease, now(), skewSeconds)
        ) {
          await store.releaseLease(accountId, leaseId);
          return underLease.accessToken as string;
        }
        return await refreshAsLeaseHolder(underLease, leaseId);
      }
      // Someone else is refreshing: wait, then re-read (a forced refresh is satisfied by theirs).
      forced = false;
      if (now() - startedAt > maxWaitMs) throw new RefreshLeaseTimeoutError();
      await sleep(pollMs);
    }
  }

  function coalesced(accountId: string, force: boolean): Promise<string> {
    const running = inFlight.get(accountId);
    if (running) return running;
    const promise = obtain(accountId, force).finally(() => inFlight.delete(accountId));
    inFlight.set(accountId, promise);
    return promise;
  }

  async function useRefreshToken<T>(
    accountId: string,
    operation: (refreshToken: string) => Promise<RefreshTokenUse<T>>,
  ): Promise<T> {
    const startedAt = now();
    for (;;) {
      await readOrExpire(accountId);
      const leaseId = randomUUID();
      if (
        await store.tryAcquireLease(accountId, leaseId, new Date(now() + leaseMs), new Date(now()))
      ) {
        const current = await readOrExpire(accountId);
        if (current.refreshToken === null) {
          await store.releaseLease(accountId, leaseId);
          throw new SessionExpiredError('no-refresh-token');
        }
        let outcome: RefreshTokenUse<T>;
        try {
          outcome = await operation(current.refreshToken);
        } catch (error) {
          return await failAsLeaseHolder(current, leaseId, error);
        }
        await store.saveRefreshToken(accountId, leaseId, outcome.rotatedRefreshToken);
        return outcome.result;
      }
      if (now() - startedAt > maxWaitMs) throw new RefreshLeaseTimeoutError();
      await sleep(pollMs);
    }
  }

  return {
    getAccessToken: (accountId) => coalesced(accountId, false),
    forceRefresh: (accountId) => coalesced(accountId, true),
    useRefreshToken,
  };
}
