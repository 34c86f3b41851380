/**
 * What a request will make the engine read, named by the request itself, for the request memo's
 * prefetch (request-memo.ts): on the authorization endpoint, its resume route (`/auth/:uid`) and
 * our interaction pages (`/interaction/:uid[/login|confirm|abort]`), the interaction of the URL's
 * uid and the session of the session cookie. The engine reads both by these ids (after checking
 * the cookies' signatures; the interaction cookie must match the URL's uid, or the request is
 * refused), so fetching them together at its first read saves one round trip per request.
 *
 * Only ids are taken, unverified: a wrong one costs nothing but a row fetched and never used.
 * Other routes (token, userinfo, …) give no hints and read as before.
 */
import type { IncomingMessage } from 'node:http';
import type { OidcPayloadKey } from './oidc-payload-repository.js';

const ROUTE = /\/(?:auth|interaction)(?:\/([\w-]{1,128})(?:\/(?:login|confirm|abort))?)?$/;
const ID = /^[\w-]{1,128}$/;

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      return ID.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** The (model, id) pairs `req` names; `sessionCookie` is the engine's session cookie name. */
export function prefetchHints(req: IncomingMessage, sessionCookie: string): OidcPayloadKey[] {
  const path = (req.url ?? '').split('?', 1)[0]!;
  const route = ROUTE.exec(path);
  if (!route) return [];
  const hints: OidcPayloadKey[] = [];
  if (route[1]) hints.push({ model: 'Interaction', id: route[1] });
  const session = cookieValue(req.headers.cookie, sessionCookie);
  if (session) hints.push({ model: 'Session', id: session });
  return hints;
}
