/**
 * With rotation, two concurrent refreshes would present the same refresh token twice: the second
 * is "reuse" and the provider revokes the whole grant. One refresh at a time, shared by every
 * caller that asks while it runs, prevents that race.
 */

/**
 * Wraps an async operation so concurrent calls share one in-flight run.
 *
 * @example
 * const refreshOnce = singleFlight(() => doRefresh());
 * await Promise.all([refreshOnce(), refreshOnce()]); // doRefresh ran once
 */
export function singleFlight<T>(operation: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () => {
    inFlight ??= operation().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
