import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteHeader } from './components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'OAuth Reference — web client', template: '%s · OAuth Reference' },
  description:
    'A Next.js confidential client signing in with OpenID Connect Authorization Code + PKCE, keeping every token on the server.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts need this response's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
        <footer className="site-footer">
          OAuth Reference · confidential web client · tokens never leave the server ·{' '}
          <a href="https://www.rfc-editor.org/rfc/rfc9700">RFC 9700</a>
        </footer>
      </body>
    </html>
  );
}
