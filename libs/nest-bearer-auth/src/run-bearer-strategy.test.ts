import { describe, expect, it } from 'vitest';
import { InvalidTokenError } from './errors/bearer-auth-error.js';
import { runBearerStrategy, type AuthenticatingStrategy } from './run-bearer-strategy.js';

const PRINCIPAL = Object.freeze({ subject: 'alice', scopes: ['notes:read'] });

/** A strategy whose authenticate() calls one passport action, as passport-jwt does. */
function strategyThat(
  act: (actions: Record<string, (...args: unknown[]) => void>, request: unknown) => void,
): AuthenticatingStrategy {
  return {
    authenticate(this: Record<string, (...args: unknown[]) => void>, request: unknown) {
      act(this, request);
    },
  };
}

describe('runBearerStrategy (passport strategy contract)', () => {
  it('resolves with the user the strategy reports as success, for this request', async () => {
    const request = { headers: {} };
    let seen: unknown;
    const strategy = strategyThat((actions, received) => {
      seen = received;
      actions['success']?.(PRINCIPAL, {});
    });
    await expect(runBearerStrategy(strategy, request)).resolves.toBe(PRINCIPAL);
    expect(seen).toBe(request);
  });

  it('does not touch the shared strategy object (actions live on a per-request object)', async () => {
    const strategy = strategyThat((actions) => actions['success']?.(PRINCIPAL));
    await runBearerStrategy(strategy, {});
    expect(Object.keys(strategy)).toEqual(['authenticate']);
  });

  it('maps a failure challenge (passport-jwt: a jose error) to our error class', async () => {
    const expired = Object.assign(new Error('"exp" claim timestamp check failed'), {
      code: 'ERR_JWT_EXPIRED',
    });
    const strategy = strategyThat((actions) => actions['fail']?.(expired));
    await expect(runBearerStrategy(strategy, {})).rejects.toMatchObject({
      code: 'token_expired',
    });
  });

  it('passes our own errors through unchanged, from error() and from a throwing strategy', async () => {
    const ours = new InvalidTokenError('key_unknown', 'No key with this kid');
    await expect(
      runBearerStrategy(
        strategyThat((actions) => actions['error']?.(ours)),
        {},
      ),
    ).rejects.toBe(ours);
    await expect(
      runBearerStrategy(
        strategyThat(() => {
          throw ours;
        }),
        {},
      ),
    ).rejects.toBe(ours);
  });

  it('refuses every outcome that is not an authenticated principal', async () => {
    for (const act of [
      (actions: Record<string, (...args: unknown[]) => void>) => actions['success']?.(false),
      (actions: Record<string, (...args: unknown[]) => void>) => actions['success']?.(null),
      (actions: Record<string, (...args: unknown[]) => void>) => actions['pass']?.(),
      (actions: Record<string, (...args: unknown[]) => void>) =>
        actions['redirect']?.('https://evil.example'),
    ]) {
      await expect(runBearerStrategy(strategyThat(act), {})).rejects.toMatchObject({
        code: 'token_invalid',
      });
    }
  });
});
