/** Bearer admin token check, constant-time (both sides hashed to equal length first). */
import { createHash, timingSafeEqual } from 'node:crypto';

export function isAdminAuthorized(authorization: string | undefined, adminToken: string): boolean {
  const match = /^Bearer ([^\s]+)$/.exec(authorization ?? '');
  const presented = createHash('sha256')
    .update(match?.[1] ?? '')
    .digest();
  const expected = createHash('sha256').update(adminToken).digest();
  return timingSafeEqual(presented, expected) && !!match;
}
