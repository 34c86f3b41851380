import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Sign out' };

export default function LogoutPage() {
  return (
    <>
      <h1>Sign out</h1>
      <div className="card">
        <p>
          Signing out deletes your session here, revokes the refresh token, and ends your session at
          the provider, which then sends you back to this app.
        </p>
        <form method="post" action="/api/logout">
          <button type="submit">Sign out everywhere</button>
        </form>
      </div>
    </>
  );
}
