import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { LOGOUT_STATE_COOKIE } from '../../src/auth/logout/handle-logout';
import { SignInButton } from '../components/sign-in-button';

export const metadata: Metadata = { title: 'Signed out' };

export default async function SignedOutPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const expected = (await cookies()).get(LOGOUT_STATE_COOKIE)?.value;
  const confirmed = Boolean(params.state && expected && params.state === expected);
  return (
    <>
      <h1>You are signed out</h1>
      {confirmed ? (
        <p className="alert ok" role="status">
          The provider confirmed the logout (its <code>state</code> matches the one this app sent).
          Your provider session has ended, so signing in again will ask for your password.
        </p>
      ) : params.provider === 'unreachable' ? (
        <p className="alert warn" role="status">
          Your session here is gone, but the provider could not be reached, so its own session may
          still be active.
        </p>
      ) : (
        <p className="alert ok" role="status">
          Your session here has been deleted and its refresh token revoked.
        </p>
      )}
      <SignInButton label="Sign in again" callbackUrl="/" />
    </>
  );
}
