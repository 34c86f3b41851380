/**
 * The storage operations the oidc-provider adapter needs, on one row per (model, id) of the
 * `OidcPayload` table. Kept as an interface so the adapter's rules (expiry on read, consumption,
 * grant revocation) are written once, whatever the database.
 */
export interface OidcPayloadRow {
  readonly model: string;
  readonly id: string;
  readonly payload: string;
  readonly grantId: string | null;
  readonly userCode: string | null;
  readonly uid: string | null;
  readonly expiresAt: Date | null;
  readonly consumedAt: Date | null;
}

export interface OidcPayloadKey {
  readonly model: string;
  readonly id: string;
}

export interface OidcPayloadRepository {
  upsert(row: Omit<OidcPayloadRow, 'consumedAt'>): Promise<void>;
  find(model: string, id: string): Promise<OidcPayloadRow | null>;
  /**
   * The rows of these (model, id) pairs that exist, in one read; absent ones are left out. With
   * `grants`, the same read also returns the `Grant` rows that those rows name in `grantId`.
   */
  findEach(
    keys: readonly OidcPayloadKey[],
    options?: { readonly grants?: boolean },
  ): Promise<OidcPayloadRow[]>;
  findByUid(model: string, uid: string): Promise<OidcPayloadRow | null>;
  findByUserCode(model: string, userCode: string): Promise<OidcPayloadRow | null>;
  /**
   * Inserts the row unless a live (unexpired) row with this (model, id) exists; true when this
   * call inserted it. Atomic: of concurrent callers, exactly one gets true.
   */
  insertIfAbsent(row: Omit<OidcPayloadRow, 'consumedAt'>, now: Date): Promise<boolean>;
  /** Marks the live (unexpired) row consumed unless it already is; true when this call did (atomic). */
  consume(model: string, id: string, at: Date): Promise<boolean>;
  destroy(model: string, id: string): Promise<void>;
  /**
   * Several writes at once (a request's unit of work, see request-memo.ts), in one statement:
   * `upserts` as `upsert` writes them (never `Client` rows), and each of `destroys` as a
   * tombstone, the row emptied and already expired, which every read, `consume` and
   * `insertIfAbsent` treat as absent and the sweeper deletes (SQLite cannot delete and upsert in
   * one statement). The keys of the two lists are distinct.
   */
  writeAll(
    upserts: readonly Omit<OidcPayloadRow, 'consumedAt'>[],
    destroys: readonly OidcPayloadKey[],
  ): Promise<void>;
  revokeByGrantId(model: string, grantId: string): Promise<void>;
  /** Deletes every row whose `expiresAt` is before `now`; returns how many. */
  deleteExpired(now: Date): Promise<number>;
}
