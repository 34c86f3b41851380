/**
 * Login rate limiting (RFC 9700 §4.x threat of online guessing; OWASP ASVS V2.2.1): every sign-in
 * attempt is counted atomically in the shared store *before* the password is checked, per
 * username and per client address. An attempt over either budget never reaches scrypt, however
 * many are sent at once: the store's increment decides, not a read made before it.
 *
 * A successful sign-in clears the username's counter and gives the address its point back, so
 * colleagues behind one NAT address spend the address budget only on failed attempts.
 *
 * On the database both keys are counted in one statement (`store.attempts`), and the success is
 * settled in one more. An attempt refused by the address budget then gives the username its point
 * back, so a blocked address cannot go on spending (locking) other people's username budgets, as
 * with the per-key limiters (Redis), which count the username only once the address allowed it.
 */
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitStore } from './create-rate-limit-store.js';
import type { AttemptCounter } from './database-attempt-counter.js';

export interface LoginRatePolicy {
  /** Attempts per username and window. */
  readonly max: number;
  /** Attempts per client address and window. */
  readonly maxPerAddress: number;
  readonly windowSeconds: number;
}

export type LoginAttemptDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface LoginRateLimiter {
  /** Counts one attempt for this username and address; `allowed: false` when over a budget. */
  consume(username: string, address: string): Promise<LoginAttemptDecision>;
  /** After a successful sign-in: clears the username's counter, returns the address's point. */
  succeeded(username: string, address: string): Promise<void>;
}

function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}

function retryAfter(msBeforeNext: number): LoginAttemptDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
}

/** Both budgets in one statement per decision (the database store). */
function countedTogether(counter: AttemptCounter, policy: LoginRatePolicy): LoginRateLimiter {
  const addressKey = (address: string) => `login:ip:${address}`;
  const userKey = (username: string) => `login:user:${usernameKey(username)}`;
  return {
    async consume(username, address) {
      const keys = username ? [addressKey(address), userKey(username)] : [addressKey(address)];
      const [byAddress, byUsername] = await counter.hit(keys, policy.windowSeconds);
      if (byAddress!.points > policy.maxPerAddress) {
        if (byUsername) await counter.settle(byUsername.key, undefined);
        return retryAfter(byAddress!.msBeforeNext);
      }
      if (byUsername && byUsername.points > policy.max) return retryAfter(byUsername.msBeforeNext);
      return { allowed: true };
    },
    async succeeded(username, address) {
      await counter.settle(addressKey(address), username ? userKey(username) : undefined);
    },
  };
}

export function createLoginRateLimiter(
  store: RateLimitStore,
  policy: LoginRatePolicy,
): LoginRateLimiter {
  if (store.attempts) return countedTogether(store.attempts, policy);
  const byAddress = store.limiter({
    keyPrefix: 'login:ip',
    points: policy.maxPerAddress,
    windowSeconds: policy.windowSeconds,
  });
  const byUsername = store.limiter({
    keyPrefix: 'login:user',
    points: policy.max,
    windowSeconds: policy.windowSeconds,
  });
  return {
    async consume(username, address) {
      try {
        await byAddress.consume(address);
        if (username) await byUsername.consume(usernameKey(username));
        return { allowed: true };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return retryAfter(rejection.msBeforeNext);
      }
    },
    async succeeded(username, address) {
      await byAddress.reward(address);
      if (username) await byUsername.delete(usernameKey(username));
    },
  };
}
