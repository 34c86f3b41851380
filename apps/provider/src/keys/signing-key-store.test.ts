import { describeEachDatabase } from '@oauth-ref/db/testing';
import { expect, it } from 'vitest';
import { computeKeyRing } from './key-ring.js';
import {
  CannotRetireSignerError,
  ensureSigningKey,
  loadKeyRows,
  retireSigningKeys,
  rotateSigningKeys,
  syncKeyStatuses,
} from './signing-key-store.js';

describeEachDatabase('signing keys in the database', (db) => {
  it('generates one key on first run, even when instances start together, and keeps it', async () => {
    const prisma = db().prisma;
    const rings = await Promise.all([
      ensureSigningKey(prisma),
      ensureSigningKey(prisma),
      ensureSigningKey(prisma),
    ]);
    const kids = new Set(rings.map((ring) => ring.signer?.kid));
    expect(kids.size).toBe(1);
    expect(await prisma.signingKey.count()).toBe(1);
    expect((await ensureSigningKey(prisma)).signer?.kid).toBe([...kids][0]);
    const [stored] = await loadKeyRows(prisma);
    expect(JSON.parse(stored!.publicJwk)).not.toHaveProperty('d');
    expect(JSON.parse(stored!.privateJwk)).toHaveProperty('d');
  });

  it('takes over a bootstrap lock left behind by an instance that died', async () => {
    const prisma = db().prisma;
    await prisma.signingKey.deleteMany({});
    await prisma.providerSecret.create({
      data: {
        name: 'lock:signing-key-bootstrap',
        value: 'dead',
        createdAt: new Date(Date.now() - 60_000),
      },
    });
    const ring = await ensureSigningKey(prisma);
    expect(ring.signer).toBeDefined();
    expect(
      await prisma.providerSecret.count({ where: { name: 'lock:signing-key-bootstrap' } }),
    ).toBe(0);
  });

  it('rotates: publishes first, signs later, retires the old key after the grace period', async () => {
    const prisma = db().prisma;
    const now = Date.now();
    const before = computeKeyRing(await loadKeyRows(prisma), now);
    const result = await rotateSigningKeys(prisma, {
      activationDelaySeconds: 60,
      retirementGraceSeconds: 600,
      now,
    });
    const published = computeKeyRing(await loadKeyRows(prisma), now);
    expect(published.signer?.kid).toBe(before.signer?.kid);
    expect(published.published.map((r) => r.kid)).toContain(result.kid);
    const active = computeKeyRing(await loadKeyRows(prisma), now + 61_000);
    expect(active.signer?.kid).toBe(result.kid);
    expect(active.stateOf(before.signer!.kid)).toBe('superseded');
    const gone = computeKeyRing(await loadKeyRows(prisma), now + 661_000);
    expect(gone.stateOf(before.signer!.kid)).toBe('retired');
    await syncKeyStatuses(prisma, now + 661_000);
    expect(
      (await prisma.signingKey.findUnique({ where: { kid: before.signer!.kid } }))?.status,
    ).toBe('retired');
  });

  it('the retire step ends a grace period early but never retires the signer', async () => {
    const prisma = db().prisma;
    const first = await rotateSigningKeys(prisma, {
      activationDelaySeconds: 0,
      retirementGraceSeconds: 3600,
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await rotateSigningKeys(prisma, {
      activationDelaySeconds: 0,
      retirementGraceSeconds: 3600,
    });
    expect(second.retiring.map((r) => r.kid)).toContain(first.kid);
    await expect(retireSigningKeys(prisma, { kid: second.kid })).rejects.toBeInstanceOf(
      CannotRetireSignerError,
    );
    expect(await retireSigningKeys(prisma)).toContain(first.kid);
    const ring = computeKeyRing(await loadKeyRows(prisma));
    expect(ring.signer?.kid).toBe(second.kid);
    expect(ring.published.map((r) => r.kid)).not.toContain(first.kid);
  });
});
