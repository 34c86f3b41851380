/**
 * CSRF protection for the login and consent forms: a double-submit token. The token is a random
 * value bound to the interaction uid, kept in a signed, HttpOnly, SameSite=Strict cookie and echoed
 * in a hidden field; a POST is accepted only when both match (constant-time) for this interaction.
 * The engine's own interaction cookie (bound to the uid) is the second line of defence.
 *
 * Each token is single-use (`consumeOnce` on the shared `SeenOnce` table): a form can be submitted
 * once, so a captured page cannot be replayed, and every retry gets a fresh page and token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';
import { consumeOnce } from './consume-once.js';

export const CSRF_COOKIE = 'op.csrf';

export function issueCsrfToken(ctx: Context, uid: string, secure: boolean): string {
  const token = randomBytes(24).toString('base64url');
  ctx.cookies.set(CSRF_COOKIE, `${uid}.${token}`, {
    httpOnly: true,
    sameSite: 'strict',
    signed: true,
    secure,
    path: '/interaction',
    overwrite: true,
  });
  return token;
}

/** True when the submitted token matches this interaction's cookie (does not consume it). */
export function verifyCsrfToken(ctx: Context, uid: string, submitted: string | undefined): boolean {
  const cookie = ctx.cookies.get(CSRF_COOKIE, { signed: true });
  if (!cookie || !submitted) return false;
  const expected = Buffer.from(`${uid}.${submitted}`);
  const actual = Buffer.from(cookie);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Verifies the token and consumes it: true only for the first submission of a matching token. */
export async function consumeCsrfToken(
  ctx: Context,
  prisma: ProviderPrisma,
  uid: string,
  submitted: string | undefined,
  expiresAt: Date,
): Promise<boolean> {
  if (!verifyCsrfToken(ctx, uid, submitted)) return false;
  return consumeOnce(prisma, 'csrf', `${uid}.${submitted}`, expiresAt);
}
