import Link from 'next/link';
import { getCurrentUser } from '../../src/server/current-user';
import { SignInButton } from './sign-in-button';

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="site-header">
      <div className="inner">
        <Link className="brand" href="/">
          OAuth Reference
        </Link>
        <nav className="site-nav" aria-label="Main">
          <ul>
            <li>
              <Link href="/">How it works</Link>
            </li>
            <li>
              <Link href="/inspector">Flow inspector</Link>
            </li>
            <li>
              <Link href="/notes">Notes</Link>
            </li>
            <li>
              <Link href="/profile">Profile</Link>
            </li>
            <li>
              <Link href="/lab">Attack lab</Link>
            </li>
          </ul>
        </nav>
        <div className="session-box">
          {user ? (
            <>
              <span data-testid="signed-in-as">
                Signed in as <strong>{user.name ?? user.email ?? 'you'}</strong>
              </span>
              <form className="inline-form" method="post" action="/api/logout">
                <button type="submit" className="secondary">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <SignInButton label="Sign in" callbackUrl="/" />
          )}
        </div>
      </div>
    </header>
  );
}
