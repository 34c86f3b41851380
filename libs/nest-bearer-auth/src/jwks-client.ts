/**
 * One JWKS client per process (RFC 8725 §3.10 spirit: the issuer's keys are trusted input, and
 * fetching them must not be something an attacker can trigger at will):
 * - keys are fetched once and cached; each JWK is imported into a `KeyObject` once;
 * - concurrent fetches are merged into one request;
 * - an unknown `kid` triggers a refetch at most once per cooldown (a flood of random `kid`s
 *   cannot flood the issuer);
 * - stale keys are refreshed in the background; while the JWKS endpoint is down, the last good
 *   keys keep being served;
 * - after a failed fetch, the next attempt waits `retryAfterFailureMs`.
 */
import type { KeyObject } from 'node:crypto';
import { discoverJwksUri } from './discover-jwks-uri.js';
import { InvalidTokenError, JwksUnavailableError } from './errors/bearer-auth-error.js';
import {
  importPublicKey,
  jwkFingerprint,
  keyFitsAlgorithm,
  type ImportedKey,
  type PublicJwk,
} from './import-public-key.js';

export interface JwksClientOptions {
  issuer: string;
  jwksUri?: string;
  cooldownMs?: number;
  maxAgeMs?: number;
  retryAfterFailureMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Clock in ms, for tests. */
  now?: () => number;
}

export interface JwksClientStatus {
  readonly jwksUri: string | undefined;
  readonly keyCount: number;
  readonly fetchedAt: number | undefined;
  readonly fetchCount: number;
  readonly lastError: string | undefined;
}

/**
 * The JWKS client; `BearerAuthModule` creates exactly one per process.
 *
 * @example
 * const jwks = new JwksClient({ issuer: 'http://localhost:4000' });
 * const key = await jwks.getKey('key-2026-11', 'RS256'); // KeyObject
 */
export class JwksClient {
  private readonly cooldownMs: number;
  private readonly maxAgeMs: number;
  private readonly retryAfterFailureMs: number;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  private jwksUri: string | undefined;
  private keys: readonly ImportedKey[] | undefined;
  private importedByCacheKey = new Map<string, ImportedKey>();
  private fetchedAt: number | undefined;
  private lastAttemptAt: number | undefined;
  private lastAttemptFailed = false;
  private lastError: string | undefined;
  private pending: Promise<void> | undefined;
  private fetchCount = 0;

  constructor(private readonly options: JwksClientOptions) {
    this.jwksUri = options.jwksUri;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.maxAgeMs = options.maxAgeMs ?? 600_000;
    this.retryAfterFailureMs = options.retryAfterFailureMs ?? 5_000;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
  }

  /**
   * The verification key for a token header. Throws `InvalidTokenError` (`key_unknown`,
   * `key_id_missing`) or `JwksUnavailableError` when no keys were ever fetched.
   */
  async getKey(kid: string | undefined, alg: string): Promise<KeyObject> {
    if (this.keys === undefined) {
      await this.refresh();
    } else if (this.isStale()) {
      // stale-while-revalidate: answer from cache, refresh in the background
      void this.refresh().catch(() => undefined);
    }
    const found = this.find(kid, alg);
    if (found !== undefined) return found;
    if (kid !== undefined && this.pending !== undefined) {
      // A refresh is already in flight (e.g. the stale-while-revalidate one just started): the
      // new key may be in it, so wait for it rather than refusing the token.
      await this.pending.catch(() => undefined);
      const arrived = this.find(kid, alg);
      if (arrived !== undefined) return arrived;
    }
    if (kid !== undefined && this.mayRefetchForUnknownKid()) {
      await this.refresh().catch(() => undefined);
      const refetched = this.find(kid, alg);
      if (refetched !== undefined) return refetched;
    }
    if (kid === undefined) {
      throw new InvalidTokenError(
        'key_id_missing',
        'The token has no kid and no single key matches its alg',
      );
    }
    throw new InvalidTokenError(
      'key_unknown',
      'The token was signed with a key the issuer does not publish',
    );
  }

  /**
   * The key for a token header when it is in a fresh cache, without a promise (the common case:
   * `undefined` sends the caller to `getKey`, which handles loading, staleness and unknown kids).
   *
   * @example
   * const key = jwks.cachedKey(kid, alg) ?? (await jwks.getKey(kid, alg));
   */
  cachedKey(kid: string | undefined, alg: string): KeyObject | undefined {
    return this.keys === undefined || this.isStale() ? undefined : this.find(kid, alg);
  }

  /** Loads the keys if none are loaded yet; true when keys are available (readiness probes). */
  async ready(): Promise<boolean> {
    if (this.keys === undefined || this.isStale()) await this.refresh().catch(() => undefined);
    return this.keys !== undefined && this.keys.length > 0 && !this.lastAttemptFailed;
  }

  status(): JwksClientStatus {
    return {
      jwksUri: this.jwksUri,
      keyCount: this.keys?.length ?? 0,
      fetchedAt: this.fetchedAt,
      fetchCount: this.fetchCount,
      lastError: this.lastError,
    };
  }

  private find(kid: string | undefined, alg: string): KeyObject | undefined {
    const keys = this.keys ?? [];
    if (kid === undefined) {
      const candidates = keys.filter((key) => keyFitsAlgorithm(key, alg));
      return candidates.length === 1 ? candidates[0]?.key : undefined;
    }
    return keys.find((key) => key.kid === kid && keyFitsAlgorithm(key, alg))?.key;
  }

  private isStale(): boolean {
    return this.fetchedAt !== undefined && this.now() - this.fetchedAt >= this.maxAgeMs;
  }

  private mayRefetchForUnknownKid(): boolean {
    return this.lastAttemptAt === undefined || this.now() - this.lastAttemptAt >= this.cooldownMs;
  }

  /** Merges concurrent callers into one fetch; respects the back-off after a failure. */
  private refresh(): Promise<void> {
    if (this.pending !== undefined) return this.pending;
    if (
      this.lastAttemptFailed &&
      this.lastAttemptAt !== undefined &&
      this.now() - this.lastAttemptAt < this.retryAfterFailureMs
    ) {
      return this.keys === undefined
        ? Promise.reject(new JwksUnavailableError())
        : Promise.resolve();
    }
    this.pending = this.load().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async load(): Promise<void> {
    this.lastAttemptAt = this.now();
    this.fetchCount += 1;
    try {
      this.jwksUri ??= await discoverJwksUri(this.options.issuer, this.fetchFn, this.timeoutMs);
      const response = await this.fetchFn(this.jwksUri, {
        headers: { accept: 'application/jwk-set+json, application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
      if (!response.ok) throw new Error(`JWKS responded HTTP ${response.status}`);
      const body = (await response.json()) as { keys?: unknown };
      if (!Array.isArray(body.keys)) throw new Error('JWKS has no keys array');
      this.keys = this.importAll(body.keys as PublicJwk[]);
      this.fetchedAt = this.now();
      this.lastAttemptFailed = false;
      this.lastError = undefined;
    } catch (error) {
      this.lastAttemptFailed = true;
      this.lastError = (error as Error).message;
      // last good keys stay in place; without any, the caller learns the keys are unavailable
      if (this.keys === undefined) throw new JwksUnavailableError();
    }
  }

  private importAll(jwks: readonly PublicJwk[]): readonly ImportedKey[] {
    const imported: ImportedKey[] = [];
    const current = new Map<string, ImportedKey>();
    for (const jwk of jwks) {
      if (typeof jwk !== 'object' || jwk === null) continue;
      const fingerprint = jwkFingerprint(jwk);
      if (fingerprint === undefined) continue;
      const cacheKey = `${String(jwk.kid)}#${String(jwk.alg)}#${fingerprint}`;
      const key = this.importedByCacheKey.get(cacheKey) ?? importPublicKey(jwk);
      if (key === undefined) continue;
      current.set(cacheKey, key);
      imported.push(key);
    }
    // keys dropped from the JWKS are forgotten; the ones still published are never re-imported
    this.importedByCacheKey = current;
    return Object.freeze(imported);
  }
}
