import type { Metadata } from 'next';
import Link from 'next/link';
import { isKnownCode } from '../../../src/messages/message-for-code';
import { SignInButton } from '../../components/sign-in-button';

export const metadata: Metadata = { title: 'Sign-in error' };

interface ErrorCopy {
  readonly title: string;
  readonly body: string;
}

const COPY: Record<string, ErrorCopy> = {
  AccessDenied: {
    title: 'Access denied',
    body: 'You declined the consent request at the provider, so no tokens were issued and no session was created. You can try again and allow the requested permissions.',
  },
  ProviderUnavailable: {
    title: 'The provider is down',
    body: 'The OAuth provider could not be reached or answered with a server error. Nothing was saved. Check that it is running, then try again.',
  },
  ProviderMisconfigured: {
    title: 'The provider’s configuration is not trustworthy',
    body: 'The provider’s discovery document is invalid or names a different issuer. Sign-in is refused rather than talking to the wrong server.',
  },
  StateMismatch: {
    title: 'This sign-in response was not started here',
    body: 'The state in the response does not match the one this browser sent (a forged, replayed or stale callback). It was rejected before the code was used.',
  },
  IssuerMismatch: {
    title: 'The response came from the wrong issuer',
    body: 'The iss parameter of the response (RFC 9207) does not equal the configured issuer, the sign of an authorization server mix-up attack. It was rejected before the code was used.',
  },
  InvalidIdToken: {
    title: 'The ID token was not valid',
    body: 'The provider’s ID token failed validation (signature, issuer, audience, expiry or nonce). No session was created.',
  },
  InvalidGrant: {
    title: 'The authorization code was refused',
    body: 'The provider refused the code exchange: the code was already used, expired, or the PKCE verifier did not match. Start the sign-in again.',
  },
  OAuthSignin: {
    title: 'Sign-in could not start',
    body: 'The app could not build the authorization request for the provider. Nothing was sent. Try again in a moment.',
  },
  OAuthCallback: {
    title: 'Sign-in could not be completed',
    body: 'The response from the provider was rejected. No session was created.',
  },
  OAuthAccountNotLinked: {
    title: 'Account already exists',
    body: 'Another account with this e-mail address exists here. Sign in with the account you used before.',
  },
  Configuration: {
    title: 'Server configuration problem',
    body: 'The app is misconfigured; the administrator can find details in the server log.',
  },
};

const FALLBACK: ErrorCopy = {
  title: 'Sign-in failed',
  body: 'Something went wrong during sign-in. No session was created.',
};

export default async function AuthErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { error } = await searchParams;
  // Only a known code selects text (and is itself shown); anything else gets the fallback.
  const known = isKnownCode(COPY, error);
  const copy = known ? COPY[error]! : FALLBACK;
  return (
    <>
      <h1>{copy.title}</h1>
      <div
        className="alert error"
        role="alert"
        data-testid="auth-error"
        data-error={known ? error : 'unknown'}
      >
        <p>{copy.body}</p>
        {known ? (
          <p className="hint">
            Error code: <code>{error}</code>
          </p>
        ) : null}
      </div>
      <p>
        <SignInButton label="Try signing in again" callbackUrl="/" />{' '}
        <Link href="/">Back to the home page</Link>
      </p>
    </>
  );
}
