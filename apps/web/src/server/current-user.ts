/**
 * Who is signed in, read on the server from the `web.session-token` cookie and the Session table
 * (what next-auth's database strategy does), so the session callback need not expose any id.
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { SESSION_COOKIE } from '../auth/cookie-names';
import { PROVIDER_ID } from '../auth/oauth-ref-provider';
import { getPrisma } from '../db/prisma';

export interface CurrentUser {
  readonly userId: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly accountId: string | null;
  readonly sessionExpires: Date;
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const sessionToken = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!sessionToken) return null;
  const session = await (
    await getPrisma()
  ).session.findUnique({
    where: { sessionToken },
    include: {
      user: { include: { accounts: { where: { provider: PROVIDER_ID }, select: { id: true } } } },
    },
  });
  if (!session || session.expires.getTime() <= Date.now()) return null;
  return {
    userId: session.userId,
    name: session.user.name,
    email: session.user.email,
    accountId: session.user.accounts[0]?.id ?? null,
    sessionExpires: session.expires,
  };
});

/** For pages that need a signed-in user: others go to the sign-in page and come back. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
