/**
 * Reads and changes the `SigningKey` table: first-run generation (once, even when several
 * instances start together), rotation and retirement.
 */
import type { ProviderPrisma } from '../persistence/provider-prisma.js';
import { generateSigningKey } from './generate-signing-key.js';
import { computeKeyRing, type KeyRing, type SigningKeyRow } from './key-ring.js';

const BOOTSTRAP_LOCK = 'lock:signing-key-bootstrap';

export async function loadKeyRows(prisma: ProviderPrisma): Promise<SigningKeyRow[]> {
  return prisma.signingKey.findMany({ orderBy: { createdAt: 'asc' } });
}

async function insertKey(
  prisma: ProviderPrisma,
  activateAt: Date,
  status: 'active' | 'published',
): Promise<SigningKeyRow> {
  const key = await generateSigningKey();
  return prisma.signingKey.create({
    data: {
      kid: key.kid,
      alg: key.alg,
      status,
      publicJwk: JSON.stringify(key.publicJwk),
      privateJwk: JSON.stringify(key.privateJwk),
      activateAt,
    },
  });
}

/**
 * Makes sure a signing key exists: the first instance to start generates one (guarded by a unique
 * `ProviderSecret` row acting as a lock); the others wait for it. Stable across restarts.
 */
export async function ensureSigningKey(
  prisma: ProviderPrisma,
  now: () => number = Date.now,
): Promise<KeyRing> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const ring = computeKeyRing(await loadKeyRows(prisma), now());
    if (ring.signer) return ring;
    let won = false;
    try {
      await prisma.providerSecret.create({
        data: { name: BOOTSTRAP_LOCK, value: new Date(now()).toISOString() },
      });
      won = true;
    } catch {
      won = false;
    }
    if (won) {
      try {
        await insertKey(prisma, new Date(now()), 'active');
      } finally {
        await prisma.providerSecret.deleteMany({ where: { name: BOOTSTRAP_LOCK } });
      }
    } else {
      // A lock left by an instance that died while generating is taken over after 30 s.
      await prisma.providerSecret.deleteMany({
        where: { name: BOOTSTRAP_LOCK, createdAt: { lt: new Date(now() - 30_000) } },
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('no signing key could be created');
}

export interface RotationResult {
  readonly kid: string;
  readonly activateAt: Date;
  /** Keys that will leave the JWKS at `retireAt` (the previous signers). */
  readonly retiring: readonly { kid: string; retireAt: Date }[];
}

/**
 * Adds a new key, published now and signing from `now + activationDelaySeconds`; the keys that sign
 * until then are scheduled to leave the JWKS `retirementGraceSeconds` after the new key activates.
 */
export async function rotateSigningKeys(
  prisma: ProviderPrisma,
  options: { activationDelaySeconds: number; retirementGraceSeconds: number; now?: number },
): Promise<RotationResult> {
  const now = options.now ?? Date.now();
  const activateAt = new Date(now + options.activationDelaySeconds * 1000);
  const retireAt = new Date(activateAt.getTime() + options.retirementGraceSeconds * 1000);
  const before = computeKeyRing(await loadKeyRows(prisma), now);
  const created = await insertKey(
    prisma,
    activateAt,
    options.activationDelaySeconds === 0 ? 'active' : 'published',
  );
  const retiring = before.published.filter(
    (row) => row.activateAt.getTime() <= now && row.retireAt === null,
  );
  for (const row of retiring) {
    await prisma.signingKey.update({ where: { kid: row.kid }, data: { retireAt } });
  }
  return {
    kid: created.kid,
    activateAt,
    retiring: retiring.map((row) => ({ kid: row.kid, retireAt })),
  };
}

/** Thrown when asked to retire the key that signs now. */
export class CannotRetireSignerError extends Error {
  readonly code = 'KEY_IS_SIGNER';
  constructor(kid: string) {
    super(`key ${kid} is the current signing key; rotate first`);
  }
}

/**
 * The retire step: takes superseded keys (or the one named) out of the JWKS now, ending their grace
 * period early. The current signer is never retired.
 */
export async function retireSigningKeys(
  prisma: ProviderPrisma,
  options: { kid?: string; now?: number } = {},
): Promise<string[]> {
  const now = options.now ?? Date.now();
  const ring = computeKeyRing(await loadKeyRows(prisma), now);
  if (options.kid && ring.signer?.kid === options.kid)
    throw new CannotRetireSignerError(options.kid);
  const targets = ring.published.filter(
    (row) =>
      row !== ring.signer &&
      (options.kid ? row.kid === options.kid : ring.stateOf(row.kid) === 'superseded'),
  );
  for (const row of targets) {
    await prisma.signingKey.update({
      where: { kid: row.kid },
      data: { status: 'retired', retireAt: new Date(now) },
    });
  }
  return targets.map((row) => row.kid);
}

/** Writes the statuses the clock implies (published → active, past retireAt → retired). */
export async function syncKeyStatuses(
  prisma: ProviderPrisma,
  now: number = Date.now(),
): Promise<void> {
  const nowDate = new Date(now);
  await prisma.signingKey.updateMany({
    where: { status: 'published', activateAt: { lte: nowDate } },
    data: { status: 'active' },
  });
  await prisma.signingKey.updateMany({
    where: { status: { not: 'retired' }, retireAt: { lte: nowDate } },
    data: { status: 'retired' },
  });
}
