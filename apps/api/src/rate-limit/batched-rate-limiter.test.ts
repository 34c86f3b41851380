/**
 * The batched limiter: far from the limit it does not wait on the shared store for each hit, yet
 * two instances sharing one budget, hit truly in parallel, never let more through than the budget.
 */
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { BatchedRateLimiter, BudgetExhausted } from './batched-rate-limiter.js';

/** A shared store (one for both "instances") that counts the calls made to it. */
function countingStore(points: number): { store: RateLimiterAbstract; calls: () => number } {
  const store = new RateLimiterMemory({ points, duration: 60 });
  let calls = 0;
  const consume = store.consume.bind(store);
  const penalty = store.penalty.bind(store);
  const counted = Object.assign(Object.create(store) as RateLimiterAbstract, {
    consume: (key: string | number, used?: number) => {
      calls += 1;
      return consume(key, used);
    },
    penalty: (key: string | number, used?: number) => {
      calls += 1;
      return penalty(key, used);
    },
  });
  return { store: counted, calls: () => calls };
}

async function outcome(hit: Promise<void> | undefined): Promise<'ok' | 'limited'> {
  try {
    await hit;
    return 'ok';
  } catch (error) {
    if (error instanceof BudgetExhausted) return 'limited';
    throw error;
  }
}

describe('BatchedRateLimiter', () => {
  it('lets exactly the budget through when two instances are hit 400 times in one burst', async () => {
    const { store } = countingStore(300);
    const one = new BatchedRateLimiter(store, { points: 300 });
    const two = new BatchedRateLimiter(store, { points: 300 });
    // warm both instances (their first hit is synchronous), then a parallel burst
    await Promise.all([one.hit('alice'), two.hit('alice')]);
    const results = await Promise.all(
      Array.from({ length: 398 }, (_, index) => outcome((index % 2 ? one : two).hit('alice'))),
    );
    await Promise.all([one.close(), two.close()]);
    expect(results.filter((result) => result === 'ok')).toHaveLength(298);
    expect((await store.get('alice'))?.consumedPoints).toBeGreaterThanOrEqual(300);
  });

  it('far from the limit, waits on the store for about one hit in twelve, and stays exact at it', async () => {
    const { store, calls } = countingStore(300);
    const one = new BatchedRateLimiter(store, { points: 300 });
    const two = new BatchedRateLimiter(store, { points: 300 });
    let allowed = 0;
    for (let index = 0; index < 200; index += 1)
      if ((await outcome((index % 2 ? one : two).hit('dave'))) === 'ok') allowed += 1;
    expect(calls()).toBeLessThan(40);
    // then near the limit, in parallel bursts of ten
    for (let burst = 0; burst < 15; burst += 1) {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) => outcome((index % 2 ? one : two).hit('dave'))),
      );
      allowed += results.filter((result) => result === 'ok').length;
    }
    await Promise.all([one.close(), two.close()]);
    expect(allowed).toBe(300);
  });

  it('adds locally allowed hits to the shared counter on flush', async () => {
    const { store } = countingStore(1000);
    const limiter = new BatchedRateLimiter(store, { points: 1000 });
    for (let index = 0; index < 30; index += 1) await limiter.hit('bob');
    await limiter.close();
    expect((await store.get('bob'))?.consumedPoints).toBe(30);
  });

  it('counts every hit synchronously when the budget is within the exact zone', async () => {
    const { store, calls } = countingStore(10);
    const limiter = new BatchedRateLimiter(store, { points: 10 });
    const results = await Promise.all(
      Array.from({ length: 15 }, () => outcome(limiter.hit('carol'))),
    );
    await limiter.close();
    expect(results.filter((result) => result === 'ok')).toHaveLength(10);
    expect(calls()).toBe(15);
  });
});
