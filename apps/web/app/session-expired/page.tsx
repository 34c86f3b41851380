import type { Metadata } from 'next';
import { SignInButton } from '../components/sign-in-button';

export const metadata: Metadata = { title: 'Session expired' };

export default function SessionExpiredPage() {
  return (
    <>
      <h1>Your session has expired</h1>
      <div className="alert warn" role="alert">
        <p>
          The provider refused to refresh your access token (the refresh token expired, was revoked,
          or was already used). This app has deleted its copy of your tokens and ended your session.
        </p>
      </div>
      <p>Nothing is lost: your notes live in the API. Sign in again to continue.</p>
      <SignInButton label="Sign in again" callbackUrl="/" />
    </>
  );
}
