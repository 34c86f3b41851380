import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PROVIDER_ID } from '../../src/auth/oauth-ref-provider';
import { SessionExpiredError } from '@oauth-ref/web-auth';
import { getPrisma } from '../../src/db/prisma';
import { decodeJwt } from '@oauth-ref/web-auth';
import { requireUser } from '../../src/server/current-user';
import { fetchUserinfo, type UserinfoResult } from '../../src/server/userinfo';
import { ClaimsTable } from '../components/claims-table';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  const user = await requireUser('/profile');
  const account = await (
    await getPrisma()
  ).account.findFirst({
    where: { userId: user.userId, provider: PROVIDER_ID },
    select: { id_token: true },
  });
  const idToken = decodeJwt(account?.id_token);
  let userinfo: UserinfoResult;
  try {
    userinfo = user.accountId
      ? await fetchUserinfo(user.accountId)
      : { ok: false, message: 'No account is linked.' };
  } catch (error) {
    if (error instanceof SessionExpiredError) redirect('/session-expired');
    userinfo = {
      ok: false,
      message: 'The access token could not be renewed right now (the provider may be down).',
    };
  }
  return (
    <>
      <h1>{user.name ?? user.email ?? 'Your profile'}</h1>
      <p className="lead">
        Who the provider says you are: the claims of the ID token it issued at sign-in (validated by
        this app), and what its UserInfo endpoint returns for your access token.
      </p>
      <section className="card" aria-labelledby="id-token-claims">
        <h2 id="id-token-claims">ID token claims</h2>
        {idToken ? (
          <ClaimsTable
            caption="Claims of the current ID token"
            values={idToken.claims}
            kind="claims"
          />
        ) : (
          <p className="empty">No ID token is stored for this session.</p>
        )}
      </section>
      <section className="card" aria-labelledby="userinfo-claims">
        <h2 id="userinfo-claims">UserInfo</h2>
        {userinfo.ok ? (
          <ClaimsTable
            caption="Claims returned by the UserInfo endpoint"
            values={userinfo.claims}
            kind="claims"
          />
        ) : (
          <div className="alert warn" role="status">
            <p>{userinfo.message}</p>
          </div>
        )}
      </section>
    </>
  );
}
