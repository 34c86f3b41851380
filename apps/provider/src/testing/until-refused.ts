/**
 * Repeats a request after a change until it is refused, and reports when the last request that was
 * still accepted had started. Caches promise a bound measured from a request's start ("a request
 * that starts `checkIntervalMs` after a change sees it"), which a busy machine cannot stretch, so
 * tests assert on that rather than on when the first refusal arrived.
 *
 * @example
 * const changedAt = performance.now();
 * const { refused, lastAcceptedStart } = await untilRefused(async () => (await grant()).status === 401);
 * expect(refused).toBe(true);
 * expect(lastAcceptedStart - changedAt).toBeLessThan(CHECK_MS);
 */
import { setTimeout as sleep } from 'node:timers/promises';

export async function untilRefused(
  isRefused: () => Promise<boolean>,
  { timeoutMs = 10_000, pauseMs = 20 }: { timeoutMs?: number; pauseMs?: number } = {},
): Promise<{ refused: boolean; lastAcceptedStart: number }> {
  const deadline = performance.now() + timeoutMs;
  let lastAcceptedStart = Number.NEGATIVE_INFINITY;
  while (performance.now() < deadline) {
    const started = performance.now();
    if (await isRefused()) return { refused: true, lastAcceptedStart };
    lastAcceptedStart = started;
    await sleep(pauseMs);
  }
  return { refused: false, lastAcceptedStart };
}
