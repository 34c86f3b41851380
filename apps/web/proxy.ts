/**
 * Next.js Proxy (formerly middleware): gives every page response a fresh CSP nonce. Next reads the
 * nonce from the request's `Content-Security-Policy` header while it renders and puts it on its own
 * scripts and styles; the browser gets the same policy on the response. Pages are rendered per
 * request (the root layout awaits `connection()`), so no cached HTML carries a stale nonce.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { config as webConfig } from './src/config/config';
import { buildContentSecurityPolicy, createNonce } from './src/security/content-security-policy';

export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({
    nonce,
    issuer: webConfig.issuer,
    development: webConfig.nodeEnv === 'development',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Everything but the hashed static bundles and the icon, which carry no HTML.
  matcher: ['/((?!_next/static|_next/image|icon.svg|favicon.ico).*)'],
};
