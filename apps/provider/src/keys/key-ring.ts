/**
 * Which stored keys the JWKS publishes and which one signs, at a given time. Pure, so every
 * instance reading the same `SigningKey` rows reaches the same answer.
 *
 * Lifecycle of a key (RFC 7517 key rollover, as OIDC Core §10.1.1 describes it):
 *   published (in the JWKS, not signing, until `activateAt`) → active (the newest active key signs)
 *   → superseded (still in the JWKS until `retireAt`, so tokens it signed keep verifying) → retired.
 */
import type { JWK } from 'jose';

export interface SigningKeyRow {
  readonly kid: string;
  readonly alg: string;
  readonly status: string;
  readonly publicJwk: string;
  readonly privateJwk: string;
  readonly createdAt: Date;
  readonly activateAt: Date;
  readonly retireAt: Date | null;
}

export type KeyState = 'published' | 'active' | 'superseded' | 'retired';

export interface KeyRing {
  /** The key that signs now (undefined only when the table has no usable key). */
  readonly signer: SigningKeyRow | undefined;
  /** Every key in the JWKS, signer first (the engine signs with the first matching key). */
  readonly published: readonly SigningKeyRow[];
  /** Private JWKs in the same order, for the engine's `jwks` option. */
  readonly privateJwks: readonly JWK[];
  /** A string that changes whenever the ring changes (cheap comparison between polls). */
  readonly fingerprint: string;
  stateOf(kid: string): KeyState | undefined;
  /** When the ring next changes by the clock alone (a key activates or retires), if ever. */
  readonly nextTransitionAt: number | undefined;
}

function isRetired(row: SigningKeyRow, now: number): boolean {
  return row.status === 'retired' || (row.retireAt !== null && row.retireAt.getTime() <= now);
}

export function computeKeyRing(rows: readonly SigningKeyRow[], now: number = Date.now()): KeyRing {
  const live = rows.filter((row) => !isRetired(row, now));
  const byActivation = [...live].sort(
    (a, b) =>
      b.activateAt.getTime() - a.activateAt.getTime() ||
      b.createdAt.getTime() - a.createdAt.getTime() ||
      (a.kid < b.kid ? 1 : -1),
  );
  const signer = byActivation.find((row) => row.activateAt.getTime() <= now);
  const published = signer
    ? [signer, ...byActivation.filter((row) => row !== signer)]
    : byActivation;
  const states = new Map<string, KeyState>();
  for (const row of rows) {
    if (isRetired(row, now)) states.set(row.kid, 'retired');
    else if (row === signer) states.set(row.kid, 'active');
    else if (row.activateAt.getTime() > now) states.set(row.kid, 'published');
    else states.set(row.kid, 'superseded');
  }
  const upcoming = live
    .flatMap((row) => [
      row.activateAt.getTime(),
      row.retireAt?.getTime() ?? Number.POSITIVE_INFINITY,
    ])
    .filter((time) => time > now && Number.isFinite(time));
  return {
    nextTransitionAt: upcoming.length ? Math.min(...upcoming) : undefined,
    signer,
    published,
    privateJwks: published.map((row) => JSON.parse(row.privateJwk) as JWK),
    fingerprint: published.map((row) => row.kid).join(','),
    stateOf: (kid) => states.get(kid),
  };
}
