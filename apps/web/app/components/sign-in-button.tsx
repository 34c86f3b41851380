'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

/**
 * Starts the Authorization Code flow: next-auth/react fetches a CSRF token, POSTs to
 * /api/auth/signin/oauth-ref, and follows the authorization URL it gets back. No token ever comes
 * back to this component.
 */
export function SignInButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      data-testid="sign-in"
      disabled={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        void signIn('oauth-ref', { callbackUrl }).catch(() => setPending(false));
      }}
    >
      {pending ? 'Redirecting to the provider…' : label}
    </button>
  );
}
