import Link from 'next/link';
import { buildFlowSteps } from '../src/flow/flow-steps';
import { getCurrentUser } from '../src/server/current-user';
import { loadFlowEvents } from '../src/server/flow-events';
import { SignInButton } from './components/sign-in-button';

export default async function HomePage() {
  const user = await getCurrentUser();
  const events = user ? await loadFlowEvents(user.userId) : [];
  const steps = buildFlowSteps(events, user !== null);
  return (
    <>
      <h1>OAuth 2.0 and OpenID Connect, done right, step by step</h1>
      <p className="lead">
        This is the web half of the OAuth Reference demo: a Next.js app that signs you in at the
        bundled mock provider with the Authorization Code flow (PKCE, state, nonce, <code>iss</code>{' '}
        check), keeps every token on its server, and calls a notes API on your behalf. Sign in, then
        follow each step below to what actually happened in your session.
      </p>
      {user ? (
        <p className="alert ok" role="status">
          You are signed in. Each green step links to its record in the{' '}
          <Link href="/inspector">flow inspector</Link>; try the <Link href="/notes">notes</Link> to
          see the API calls.
        </p>
      ) : (
        <div className="card">
          <p>
            Demo users: <code>alice</code> / <code>alice-demo-password</code> and <code>bob</code> /{' '}
            <code>bob-demo-password</code>.
          </p>
          <SignInButton label="Sign in with the OAuth Reference provider" callbackUrl="/" />
        </div>
      )}
      <h2 id="flow">The Authorization Code flow</h2>
      <ol className="flow" aria-label="Authorization Code flow steps">
        {steps.map((step) => (
          <li key={step.id} id={`step-${step.id}`} className={step.done ? 'done' : undefined}>
            <strong>
              <Link href={step.href}>{step.title}</Link>
            </strong>{' '}
            <span className="status">
              {step.done
                ? '✓ happened in this session'
                : (step.note ?? (user ? 'not yet' : 'sign in to see it happen'))}
            </span>
            <div className="actors">{step.actors}</div>
            <p>{step.explanation}</p>
          </li>
        ))}
      </ol>
      <h2>What this app refuses to do</h2>
      <div className="grid">
        <div className="card">
          <h3>Tokens in the browser</h3>
          <p>
            <code>/api/auth/session</code> returns only your name and e-mail. Pages are rendered on
            the server; no access, refresh or ID token is ever in HTML, RSC payloads or JavaScript.
          </p>
        </div>
        <div className="card">
          <h3>Refresh races</h3>
          <p>
            Concurrent requests with an expired token produce exactly one refresh, even across
            server instances (a lease in the database).
          </p>
        </div>
        <div className="card">
          <h3>Half logouts</h3>
          <p>
            Sign out deletes the session, revokes the refresh token and ends the provider session
            (RP-initiated logout).
          </p>
        </div>
        <div className="card">
          <h3>Open redirects and cookie clashes</h3>
          <p>
            <code>callbackUrl</code> must stay on this origin; cookies are named <code>web.*</code>{' '}
            so the provider&apos;s <code>op.*</code> cookies on the same host never collide.
          </p>
        </div>
      </div>
    </>
  );
}
