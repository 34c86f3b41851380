/**
 * The staleness bound of the versioned cache holds when its timer runs late: a value is served
 * only on a version check that started less than one interval before the request.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createVersionedCache, type VersionedCache } from './versioned-cache.js';

const INTERVAL_MS = 100;

/** A shared version and one row, as another instance would change them. */
function sharedStore() {
  const store = { version: 'v1', row: 'first', readDelayMs: 0, versionReads: 0 };
  return {
    store,
    readVersion: async () => {
      store.versionReads += 1;
      const seen = store.version; // what the read returns is the version when it started
      if (store.readDelayMs > 0) await sleep(store.readDelayMs);
      return seen;
    },
    load: async () => store.row,
    change(row: string) {
      store.row = row;
      store.version = `${store.version}+`;
    },
  };
}

describe('versioned cache staleness bound', () => {
  const opened: VersionedCache<string>[] = [];
  afterEach(() => opened.splice(0).forEach((cache) => cache.stop()));

  async function open(shared: ReturnType<typeof sharedStore>) {
    const cache = await createVersionedCache<string>({
      readVersion: shared.readVersion,
      checkIntervalMs: INTERVAL_MS,
      onError: () => undefined,
    });
    opened.push(cache);
    return cache;
  }

  it('serves from memory while the last check is recent', async () => {
    const shared = sharedStore();
    const cache = await open(shared);
    expect(await cache.get('k', shared.load)).toBe('first');
    shared.store.row = 'not read'; // the row changed without a version change: nobody wrote
    expect(await cache.get('k', shared.load)).toBe('first');
  });

  it('checks before serving when the timer could not run for longer than the interval', async () => {
    const shared = sharedStore();
    const cache = await open(shared);
    expect(await cache.get('k', shared.load)).toBe('first');
    shared.change('second');
    // A busy event loop: the timer's check cannot run.
    const until = performance.now() + INTERVAL_MS * 1.5;
    while (performance.now() < until);
    expect(await cache.get('k', shared.load)).toBe('second');
  });

  it('does not take a check that started before the change as proof for a later request', async () => {
    const shared = sharedStore();
    const cache = await open(shared);
    expect(await cache.get('k', shared.load)).toBe('first');
    // A slow version read starts, then another instance writes while it is under way.
    shared.store.readDelayMs = INTERVAL_MS * 2;
    const early = cache.checkVersion();
    shared.change('second');
    await sleep(INTERVAL_MS * 1.2);
    shared.store.readDelayMs = 0;
    // The running check read the old version; the request must wait for one more.
    expect(await cache.get('k', shared.load)).toBe('second');
    await early;
  });

  it('lets concurrent requests share one check', async () => {
    const shared = sharedStore();
    const cache = await open(shared);
    await cache.get('k', shared.load);
    cache.stop(); // only the requests check from here
    await sleep(INTERVAL_MS * 1.5);
    const before = shared.store.versionReads;
    const values = await Promise.all(Array.from({ length: 10 }, () => cache.get('k', shared.load)));
    expect(values).toEqual(Array.from({ length: 10 }, () => 'first'));
    expect(shared.store.versionReads - before).toBe(1);
  });
});
