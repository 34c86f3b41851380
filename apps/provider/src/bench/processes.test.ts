import { scrypt, type ScryptOptions } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cpuSecondsOf, threadPoolCpuSecondsOf } from './processes.js';

const hash = (password: string, salt: string, length: number, options: ScryptOptions = {}) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** libuv names its pool's threads `libuv-worker` from 1.50 (Node 24; Node 22.13 has 1.49). */
const namesPoolThreads = (() => {
  const [major, minor] = process.versions.uv!.split('.').map(Number);
  return major! > 1 || minor! >= 50;
})();

describe('per-thread CPU of a server process', () => {
  it('counts scrypt in the thread pool, and main-thread work outside it', async () => {
    const pid = process.pid;
    await hash('warm the pool', 'salt', 32); // the pool's threads start on first use
    const pool = threadPoolCpuSecondsOf(pid);
    if (!namesPoolThreads) {
      // No named pool: no figure, rather than 0 (which would count the hash as our CPU).
      expect(pool).toBeUndefined();
      return;
    }
    const all = cpuSecondsOf(pid);
    await Promise.all(
      Array.from({ length: 8 }, () => hash('a password', 'salt', 32, { N: 2 ** 14, r: 8, p: 1 })),
    );
    const poolAfterHashes = threadPoolCpuSecondsOf(pid)!;
    expect(poolAfterHashes - pool!).toBeGreaterThan(0.05);
    expect(cpuSecondsOf(pid) - all).toBeGreaterThanOrEqual(poolAfterHashes - pool!);

    const spinUntil = Date.now() + 300;
    let spins = 0;
    while (Date.now() < spinUntil) spins += 1;
    expect(spins).toBeGreaterThan(0);
    // 300 ms of main-thread work; the pool stayed idle (a tick of slack for the clock).
    expect(threadPoolCpuSecondsOf(pid)! - poolAfterHashes).toBeLessThanOrEqual(0.01);
  });
});
