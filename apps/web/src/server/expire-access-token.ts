/**
 * The inspector's "expire my access token now": marks the stored access token as expired
 * (`expires_at` in the past) without touching the token or the refresh token, so the next API
 * call goes through the single-flight refresh (libs/web-auth) exactly as a real expiry would.
 */
import { getPrisma } from '../db/prisma';

/**
 * @example
 * await expireStoredAccessToken(user.userId, user.accountId); // the next API call refreshes
 */
export async function expireStoredAccessToken(
  userId: string,
  accountId: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<boolean> {
  const { count } = await (
    await getPrisma()
  ).account.updateMany({
    where: { id: accountId, userId, access_token: { not: null } },
    data: { expires_at: nowSeconds - 1 },
  });
  return count === 1;
}
