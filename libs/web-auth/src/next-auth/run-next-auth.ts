/**
 * Runs next-auth for one request and returns what happened as a value: the response, the errors
 * next-auth logged while handling it (its logger is the only place it reports why a sign-in
 * failed), and whether the response signs the user in (it sets the session cookie). The errors
 * are collected in this call's own list; nothing is shared between requests or written back.
 */
import type { AuthOptions } from 'next-auth';
import { describeNextAuthError } from './describe-next-auth-error.js';

/**
 * @example
 * const { response, errors, signedIn }: NextAuthOutcome = await runNextAuth(options, handle);
 */
export interface NextAuthOutcome {
  readonly response: Response;
  /** What next-auth's logger reported, oldest first (provider texts: scrub before logging). */
  readonly errors: readonly string[];
  /** True when the response sets a non-empty session cookie (a completed sign-in). */
  readonly signedIn: boolean;
}

/**
 * @example
 * const outcome = await runNextAuth(options, (observed) => NextAuth(observed)(request, context));
 * if (!outcome.signedIn) classifySignInFailure({ providerError: null, reason: outcome.errors.at(-1) ?? null });
 */
export async function runNextAuth(
  options: AuthOptions,
  handle: (options: AuthOptions) => Promise<Response>,
): Promise<NextAuthOutcome> {
  const errors: string[] = [];
  const logger = options.logger ?? {};
  const response = await handle({
    ...options,
    logger: {
      ...logger,
      error(code, metadata) {
        errors.push(describeNextAuthError(metadata));
        logger.error?.(code, metadata);
      },
    },
  });
  const sessionCookie = `${options.cookies?.sessionToken?.name ?? 'next-auth.session-token'}=`;
  const signedIn = response.headers
    .getSetCookie()
    .some((cookie) => cookie.startsWith(sessionCookie) && !cookie.startsWith(`${sessionCookie};`));
  return { response, errors, signedIn };
}
