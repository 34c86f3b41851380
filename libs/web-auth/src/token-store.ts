/**
 * What the single-flight refresh needs from persistence. The Prisma implementation keeps it on
 * the next-auth Account row, so every server instance sees the same tokens and the same lease.
 */
export interface StoredTokens {
  readonly accountId: string;
  readonly userId: string;
  readonly accessToken: string | null;
  readonly refreshToken: string | null;
  readonly idToken: string | null;
  /** Seconds since the epoch (OAuth `expires_at`), or null when unknown. */
  readonly expiresAt: number | null;
  readonly scope: string | null;
}

export interface RefreshedTokens {
  readonly accessToken: string;
  /** Absent when the server did not rotate the refresh token: keep the old one. */
  readonly refreshToken?: string;
  readonly idToken?: string;
  readonly expiresAt: number | null;
  readonly scope?: string;
  readonly tokenType?: string;
}

export interface TokenStore {
  read(accountId: string): Promise<StoredTokens | null>;
  /** Atomically takes the lease if nobody holds a live one. True when this caller now holds it. */
  tryAcquireLease(accountId: string, leaseId: string, until: Date, now: Date): Promise<boolean>;
  /** Writes the new tokens and releases the lease, only if `leaseId` still holds it. */
  saveRefreshed(accountId: string, leaseId: string, tokens: RefreshedTokens): Promise<boolean>;
  /** Stores a rotated refresh token (if any) and releases the lease, only if `leaseId` still holds it. */
  saveRefreshToken(
    accountId: string,
    leaseId: string,
    refreshToken: string | undefined,
  ): Promise<boolean>;
  releaseLease(accountId: string, leaseId: string): Promise<void>;
  /** The refresh token is dead: forget the tokens and end every session of the user. */
  revokeLocally(accountId: string, userId: string): Promise<void>;
}
