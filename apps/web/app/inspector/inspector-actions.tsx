/**
 * The two buttons that make the diagram grow: call the API, and expire the access token so the
 * next call refreshes it. Plain forms posting to server actions (they work without JavaScript).
 */
import { callApiAction, expireAccessTokenAction } from './actions';

const NOTICES: Readonly<Record<string, { text: string; tone: 'ok' | 'warn' }>> = {
  expired: {
    text: 'Your access token is now marked expired (the token itself is unchanged). The next API call refreshes it: press “Call the API” and watch the refresh arrows appear.',
    tone: 'ok',
  },
  'no-token': {
    text: 'No access token is stored, so there is nothing to expire: the next API call asks you to sign in again.',
    tone: 'warn',
  },
  called: {
    text: 'The API answered. Its request and response are the last arrows of the diagram.',
    tone: 'ok',
  },
};

export function InspectorActions({ notice }: { notice: string | undefined }) {
  const shown =
    notice === undefined
      ? undefined
      : (NOTICES[notice] ??
        (notice.startsWith('api-')
          ? {
              text: `The API call failed (${notice.slice(4)}); the diagram shows what was sent and what came back.`,
              tone: 'warn' as const,
            }
          : undefined));
  return (
    <section className="card" id="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">Make it happen</h2>
      {shown ? (
        <p className={`alert ${shown.tone}`} role="status" data-testid="inspector-notice">
          {shown.text}
        </p>
      ) : null}
      <form action={callApiAction}>
        <button type="submit" data-testid="call-api">
          Call the API (GET /notes)
        </button>
      </form>
      <form action={expireAccessTokenAction}>
        <button type="submit" className="secondary" data-testid="expire-access-token">
          Expire my access token now
        </button>
      </form>
      <p className="hint">
        Expiring only moves the stored <code>expires_at</code> into the past, as time would. The
        refresh then runs exactly as it does for real: one request takes a lease on your account
        row, sends the refresh token to the provider, and stores the rotated one.
      </p>
    </section>
  );
}
