import { describe, expect, it } from 'vitest';
import { computeKeyRing, type SigningKeyRow } from './key-ring.js';

const T = Date.parse('2026-11-23T12:00:00Z');
function row(
  kid: string,
  activateOffset: number,
  retireOffset: number | null = null,
  status = 'active',
): SigningKeyRow {
  return {
    kid,
    alg: 'RS256',
    status,
    publicJwk: JSON.stringify({ kid }),
    privateJwk: JSON.stringify({ kid, d: 'secret' }),
    createdAt: new Date(T + activateOffset),
    activateAt: new Date(T + activateOffset),
    retireAt: retireOffset === null ? null : new Date(T + retireOffset),
  };
}

describe('computeKeyRing', () => {
  it('signs with the newest active key and lists it first', () => {
    const ring = computeKeyRing([row('old', -10_000, 60_000), row('new', -1_000)], T);
    expect(ring.signer?.kid).toBe('new');
    expect(ring.published.map((r) => r.kid)).toEqual(['new', 'old']);
    expect(ring.stateOf('old')).toBe('superseded');
  });

  it('publishes a new key before it signs', () => {
    const ring = computeKeyRing(
      [row('current', -10_000, 70_000), row('next', 10_000, null, 'published')],
      T,
    );
    expect(ring.signer?.kid).toBe('current');
    expect(ring.published.map((r) => r.kid)).toEqual(['current', 'next']);
    expect(ring.stateOf('next')).toBe('published');
    expect(
      computeKeyRing([row('current', -10_000, 70_000), row('next', 10_000)], T + 10_001).signer
        ?.kid,
    ).toBe('next');
  });

  it('drops a superseded key from the JWKS once its grace period is over', () => {
    const rows = [row('old', -10_000, 5_000), row('new', -1_000)];
    expect(computeKeyRing(rows, T).published).toHaveLength(2);
    const later = computeKeyRing(rows, T + 5_000);
    expect(later.published.map((r) => r.kid)).toEqual(['new']);
    expect(later.stateOf('old')).toBe('retired');
  });

  it('never publishes retired keys and changes its fingerprint when the set changes', () => {
    const a = computeKeyRing([row('k1', -1), row('k0', -5, null, 'retired')], T);
    expect(a.published.map((r) => r.kid)).toEqual(['k1']);
    const b = computeKeyRing([row('k1', -1), row('k2', 1000, null, 'published')], T);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(b.privateJwks[0]).toMatchObject({ kid: 'k1' });
  });

  it('knows when the clock alone will change it next', () => {
    const ring = computeKeyRing(
      [row('current', -10_000, 70_000), row('next', 10_000, null, 'published')],
      T,
    );
    expect(ring.nextTransitionAt).toBe(T + 10_000);
    expect(computeKeyRing([row('only', -1)], T).nextTransitionAt).toBeUndefined();
  });

  it('has no signer when the table is empty', () => {
    expect(computeKeyRing([], T).signer).toBeUndefined();
  });
});
