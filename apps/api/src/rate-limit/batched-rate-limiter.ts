/**
 * A shared budget that does not cost a store round trip per request while it is far from its
 * limit — the local-count / global-sync pattern of production rate limiters:
 * - the FIRST hit of a key in a window, every hit within the last `exactZone` points of the
 *   budget (as last reported by the store, minus what this instance has sent or holds), and any
 *   hit while `maxUnsynced` locally allowed hits are still unanswered, are counted synchronously
 *   in the shared store (rate-limiter-flexible, atomic there): decisions at the limit are exact;
 * - other hits are allowed locally and added to the shared counter in the background (when half
 *   the allowance is used, and every `flushEveryMs`, default 1 s), so every instance soon sees them.
 * An instance never holds more than `maxUnsynced` locally allowed hits the store has not
 * answered, so the limit is exact while instances × `maxUnsynced` ≤ `exactZone` (defaults: exact
 * zone max(50, 20 % of the budget), `maxUnsynced` a quarter of it: exact for up to four instances
 * at any budget; with more, lower `maxUnsynced`). Budgets within the exact zone are always
 * synchronous.
 */
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

interface KeyState {
  /** Hits allowed locally and not yet sent to the shared counter. */
  pending: number;
  /** Locally allowed hits sent to the store whose answer has not arrived yet. */
  sending: number;
  /** Synchronous hits sent to the store whose answer has not arrived yet. */
  deciding: number;
  /** Whether a background flush of this key is in flight (at most one). */
  flushing: boolean;
  /** Points left in the window, as the store last reported them. */
  remaining: number;
  /** When the store's window of this key ends (ms since epoch). */
  resetAt: number;
}

/** The outcome of a refused hit: how long until the window ends. */
export class BudgetExhausted {
  constructor(readonly msBeforeNext: number) {}
}

export interface BatchedRateLimiterOptions {
  readonly points: number;
  readonly exactZone?: number;
  readonly flushEveryMs?: number;
  /** Most locally allowed hits of a key not yet answered by the store. Default exactZone / 4. */
  readonly maxUnsynced?: number;
}

export class BatchedRateLimiter {
  private readonly keys = new Map<string, KeyState>();
  private readonly exactZone: number;
  private readonly maxUnsynced: number;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: RateLimiterAbstract,
    options: BatchedRateLimiterOptions,
  ) {
    this.exactZone = options.exactZone ?? Math.max(50, Math.ceil(options.points * 0.2));
    this.maxUnsynced = options.maxUnsynced ?? Math.max(1, Math.floor(this.exactZone / 4));
    this.timer = setInterval(() => void this.flushAll(), options.flushEveryMs ?? 1000);
    this.timer.unref();
  }

  /**
   * Counts one hit of `key`: `undefined` when it was allowed locally (nothing to wait for), else a
   * promise that resolves when the store allowed it and rejects with `BudgetExhausted`.
   *
   * @example
   * await limiter.hit('alice'); // or throws BudgetExhausted
   */
  hit(key: string): Promise<void> | undefined {
    const state = this.keys.get(key);
    if (
      state !== undefined &&
      state.resetAt > Date.now() &&
      state.pending + state.sending < this.maxUnsynced &&
      state.remaining - state.pending - state.sending - state.deciding - 1 >= this.exactZone
    ) {
      state.pending += 1;
      // start the next flush at half the allowance, so local capacity remains while it runs
      if (state.pending * 2 >= this.maxUnsynced && !state.flushing) void this.flush(key, state);
      return undefined;
    }
    // first hit of the window, near the limit, or too many hits still unanswered
    return this.countNow(key, state);
  }

  /** Adds every key's pending hits to the shared counter (also called on shutdown). */
  async flushAll(): Promise<void> {
    const now = Date.now();
    const flushes: Promise<void>[] = [];
    for (const [key, state] of this.keys) {
      if (state.pending > 0 && !state.flushing) flushes.push(this.flush(key, state));
      else if (state.pending + state.sending + state.deciding === 0 && state.resetAt <= now)
        this.keys.delete(key);
    }
    await Promise.all(flushes);
  }

  /** Stops the background flush after a last one. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flushAll();
  }

  private async countNow(key: string, state: KeyState | undefined): Promise<void> {
    const carried = state?.pending ?? 0;
    if (state !== undefined) {
      state.pending = 0;
      state.sending += carried;
      state.deciding += 1;
    }
    const settle = () => {
      if (state === undefined) return;
      state.sending -= carried;
      state.deciding -= 1;
    };
    let result: RateLimiterRes;
    try {
      result = await this.store.consume(key, 1 + carried);
    } catch (rejection) {
      settle();
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      this.remember(key, rejection);
      throw new BudgetExhausted(rejection.msBeforeNext);
    }
    settle();
    this.remember(key, result);
  }

  private async flush(key: string, state: KeyState): Promise<void> {
    const points = state.pending;
    if (points === 0) return;
    state.pending = 0;
    state.sending += points;
    state.flushing = true;
    try {
      // penalty: add the hits already allowed, without a verdict
      const result = await this.store.penalty(key, points);
      state.sending -= points;
      this.remember(key, result);
    } catch {
      // the store is unreachable: keep the hits for the next flush
      state.sending -= points;
      state.pending += points;
    } finally {
      state.flushing = false;
    }
  }

  private remember(key: string, result: RateLimiterRes): void {
    const state = this.keys.get(key);
    const remaining = result.remainingPoints;
    const resetAt = Date.now() + Math.max(0, result.msBeforeNext);
    if (state === undefined)
      this.keys.set(key, {
        pending: 0,
        sending: 0,
        deciding: 0,
        flushing: false,
        remaining,
        resetAt,
      });
    else {
      state.remaining = remaining;
      state.resetAt = resetAt;
    }
  }
}
