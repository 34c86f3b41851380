/**
 * Runs a passport strategy for one request through passport's strategy contract, as
 * `passport.authenticate()` does it, minus the session machinery: `authenticate(request, options)`
 * is called on a per-request object that inherits the strategy and the `success` / `fail` /
 * `error` / `pass` / `redirect` actions. One of the actions settles the promise.
 * Every failure leaves as one of our error classes (`mapVerificationError`).
 */
import type { AccessTokenPrincipal } from './access-token-principal.js';
import { InvalidTokenError, type BearerAuthError } from './errors/bearer-auth-error.js';
import { mapVerificationError } from './map-verification-error.js';

/** The part of a passport strategy this needs (passport-strategy's `Strategy#authenticate`). */
export interface AuthenticatingStrategy {
  authenticate(request: unknown, options?: object): void;
}

interface StrategyActions {
  success(user: unknown): void;
  fail(challenge?: unknown, status?: number): void;
  error(error: unknown): void;
  pass(): void;
  redirect(url: string): void;
}

const NO_OPTIONS = Object.freeze({});

function notABearerOutcome(action: string): BearerAuthError {
  return new InvalidTokenError('token_invalid', `The bearer strategy answered with ${action}`);
}

/** The per-request attempt: the actions settle the promise this attempt was made for. */
interface Attempt extends AuthenticatingStrategy, StrategyActions {
  resolve(principal: AccessTokenPrincipal): void;
  reject(error: BearerAuthError): void;
}

/**
 * Per strategy, the prototype of its attempts: the strategy's own methods and state (passport-jwt
 * reads its options from `this`) plus the five actions, defined once instead of per request.
 */
const attemptPrototypes = new WeakMap<AuthenticatingStrategy, object>();

function attemptPrototypeFor(strategy: AuthenticatingStrategy): object {
  let prototype = attemptPrototypes.get(strategy);
  if (prototype === undefined) {
    const actions: StrategyActions & ThisType<Attempt> = {
      success(user) {
        if (user === null || user === undefined || user === false)
          this.reject(notABearerOutcome('no principal'));
        else this.resolve(user as AccessTokenPrincipal);
      },
      fail(challenge) {
        this.reject(mapVerificationError(challenge));
      },
      error(error) {
        this.reject(mapVerificationError(error));
      },
      // passport-jwt never passes or redirects; anything else must not let a request through
      pass() {
        this.reject(notABearerOutcome('pass'));
      },
      redirect() {
        this.reject(notABearerOutcome('a redirect'));
      },
    };
    prototype = Object.freeze(Object.assign(Object.create(strategy) as object, actions));
    attemptPrototypes.set(strategy, prototype);
  }
  return prototype;
}

/**
 * Authenticates `request` with `strategy`; resolves with the principal its `validate` returned.
 *
 * @example
 * const principal = await runBearerStrategy(jwtBearerStrategy, request);
 */
export function runBearerStrategy(
  strategy: AuthenticatingStrategy,
  request: object,
): Promise<AccessTokenPrincipal> {
  return new Promise((resolve, reject) => {
    const attempt = Object.create(attemptPrototypeFor(strategy)) as Attempt;
    attempt.resolve = resolve;
    attempt.reject = reject;
    try {
      attempt.authenticate(request, NO_OPTIONS);
    } catch (error) {
      reject(mapVerificationError(error));
    }
  });
}
