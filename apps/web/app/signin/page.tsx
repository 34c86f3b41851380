import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeRedirect } from '@oauth-ref/web-auth';
import { messageForCode } from '../../src/messages/message-for-code';
import { config } from '../../src/config/config';
import { getCurrentUser } from '../../src/server/current-user';
import { SignInButton } from '../components/sign-in-button';

export const metadata: Metadata = { title: 'Sign in' };

const MESSAGES: Record<string, string> = {
  SessionExpired:
    'Your session ended (the provider no longer accepts its refresh token). Sign in again to continue.',
  SessionRequired: 'Sign in to see this page.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const target = safeRedirect(params.callbackUrl ?? '/', config.baseUrl);
  const path = target.url.slice(config.baseUrl.length) || '/';
  if (await getCurrentUser()) redirect(path);
  const message = params.error
    ? messageForCode(MESSAGES, params.error, 'Sign-in did not complete. Try again.')
    : null;
  return (
    <>
      <h1>Sign in</h1>
      {message ? (
        <div className="alert warn" role="alert">
          {message}
        </div>
      ) : null}
      <div className="card">
        <p>
          You will be sent to the OAuth Reference provider at <code>{config.issuer}</code>. It asks
          for your username and password and for consent to these scopes:{' '}
          <code>{config.scope}</code>. Then it sends you back here.
        </p>
        <SignInButton label="Continue to the provider" callbackUrl={path} />
      </div>
    </>
  );
}
