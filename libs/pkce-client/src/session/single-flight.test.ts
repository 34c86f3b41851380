import { describe, expect, it, vi } from 'vitest';
import { singleFlight } from './single-flight.js';

describe('singleFlight', () => {
  it('shares one run between concurrent callers and starts a new run afterwards', async () => {
    const operation = vi.fn(async () => 'done');
    const once = singleFlight(operation);
    await Promise.all([once(), once(), once()]);
    expect(operation).toHaveBeenCalledTimes(1);
    await once();
    expect(operation).toHaveBeenCalledTimes(2);
  });

  it('starts afresh after a failed run', async () => {
    const operation = vi.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValueOnce('ok');
    const once = singleFlight(operation);
    await expect(once()).rejects.toThrow('boom');
    await expect(once()).resolves.toBe('ok');
  });
});
