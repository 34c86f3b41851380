import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/memory-storage.js';
import {
  createMemoryPendingAttemptStore,
  createSessionStoragePendingAttemptStore,
} from './pending-attempt-store.js';

describe('pending attempt stores', () => {
  it('web: keeps the attempt in sessionStorage across the redirect and hands it out once', () => {
    const storage = memoryStorage();
    const store = createSessionStoragePendingAttemptStore(storage);
    store.save('{"attempt":1}');
    expect(storage.length).toBe(1);
    // a new page (new store object) over the same tab storage:
    const afterRedirect = createSessionStoragePendingAttemptStore(storage);
    expect(afterRedirect.take()).toBe('{"attempt":1}');
    expect(afterRedirect.take()).toBeNull();
    expect(storage.length).toBe(0);
    expect(store.description).toMatch(/sessionStorage/);
  });

  it('native: memory, single use', () => {
    const store = createMemoryPendingAttemptStore();
    expect(store.take()).toBeNull();
    store.save('x');
    expect(store.take()).toBe('x');
    expect(store.take()).toBeNull();
  });
});
