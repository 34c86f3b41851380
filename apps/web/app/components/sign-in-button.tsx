'use client';

import { useState, useSyncExternalStore } from 'react';

/**
 * Starts the Authorization Code flow the way next-auth/react's signIn() does, in a few lines
 * instead of its whole client bundle: fetch a CSRF token (double-submit cookie `web.csrf-token`),
 * POST it to /api/auth/signin/oauth-ref, and follow the authorization URL that comes back.
 * No token ever reaches this component.
 */
async function startSignIn(callbackUrl: string): Promise<void> {
  const { csrfToken } = (await (await fetch('/api/auth/csrf', { cache: 'no-store' })).json()) as {
    csrfToken: string;
  };
  const response = await fetch('/api/auth/signin/oauth-ref', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: 'true' }),
  });
  const { url } = (await response.json()) as { url: string };
  window.location.assign(url);
}

const subscribeNever = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React runs in the browser: a click on
 * the server-rendered button before then would reach no handler and do nothing.
 */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

export function SignInButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  const [state, setState] = useState<'idle' | 'pending' | 'failed'>('idle');
  const hydrated = useHydrated();
  return (
    <>
      <button
        type="button"
        data-testid="sign-in"
        // Disabled until hydrated, so an early click waits (people and Playwright alike) instead
        // of being lost.
        disabled={!hydrated || state === 'pending'}
        aria-busy={state === 'pending'}
        onClick={() => {
          setState('pending');
          startSignIn(callbackUrl).catch(() => setState('failed'));
        }}
      >
        {state === 'pending' ? 'Redirecting to the provider…' : label}
      </button>
      {state === 'failed' ? (
        <span role="alert" className="hint">
          {' '}
          This app’s server did not answer. Try again.
        </span>
      ) : null}
    </>
  );
}
