import { describe, expect, it, vi } from 'vitest';
import { recordDpopProofs } from './record-dpop-proofs.js';

describe('recordDpopProofs', () => {
  it('records only requests carrying a DPoP header, passes every request on, and hands them out once', async () => {
    const inner = vi.fn(async () => new Response('ok'));
    const recorder = recordDpopProofs(inner as unknown as typeof fetch);
    await recorder.fetch('http://a/x', { method: 'POST', headers: { dpop: 'p1' } });
    await recorder.fetch(new Request('http://a/y'), { headers: { DPoP: 'p2' } });
    await recorder.fetch('http://a/z');
    expect(inner).toHaveBeenCalledTimes(3);
    expect(recorder.take()).toEqual([
      { method: 'POST', url: 'http://a/x', proof: 'p1' },
      { method: 'GET', url: 'http://a/y', proof: 'p2' },
    ]);
    expect(recorder.take()).toEqual([]);
  });
});
