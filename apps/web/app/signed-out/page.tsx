import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { layoutSequenceDiagram, type DiagramMessage } from '@oauth-ref/flow-diagram';
import { LOGOUT_STATE_COOKIE } from '../../src/auth/logout/handle-logout';
import { PROVIDER_ID } from '../../src/auth/oauth-ref-provider';
import { buildFlowDiagramMessages, WEB_LIFELINES } from '../../src/flow/flow-diagram-messages';
import { loadEndedSession } from '../../src/server/flow-events';
import { SignInButton } from '../components/sign-in-button';
import { FlowDiagram } from '../inspector/flow-diagram';

export const metadata: Metadata = { title: 'Signed out' };

export default async function SignedOutPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const expected = (await cookies()).get(LOGOUT_STATE_COOKIE)?.value;
  const confirmed = Boolean(params.state && expected && params.state === expected);
  // The ended session's diagram, for the browser that signed out only: the logout state is a
  // random value this app kept in an HttpOnly cookie and the provider sent back.
  const events = confirmed && expected ? await loadEndedSession(expected) : [];
  const returned: DiagramMessage[] = [
    {
      from: 'provider',
      to: 'browser',
      label: '303 post_logout_redirect_uri',
      params: [['state', `[redacted, ${expected?.length ?? 0} chars]`]],
      kind: 'response',
    },
    {
      from: 'browser',
      to: 'web',
      label: 'GET /signed-out (state matches the cookie)',
    },
  ];
  const diagram =
    events.length === 0
      ? null
      : layoutSequenceDiagram(
          WEB_LIFELINES,
          [
            ...buildFlowDiagramMessages(events, {
              callbackPath: `/api/auth/callback/${PROVIDER_ID}`,
            }),
            ...returned,
          ],
          { title: 'The session you just ended, as a sequence diagram' },
        );
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
      {diagram ? (
        <section className="card" aria-labelledby="ended-flow-title">
          <h2 id="ended-flow-title">The session you just ended</h2>
          <p>
            Your sign-in, every refresh and API call, and the sign-out that ended it: this app
            deleted its session, revoked the refresh token at the provider, and sent your browser to
            the provider&apos;s end-session endpoint, which sent it back here with the same{' '}
            <code>state</code>. Shown only to this browser, for the few minutes that state lives.
          </p>
          <FlowDiagram model={diagram} />
        </section>
      ) : null}
    </>
  );
}
