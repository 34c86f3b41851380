import type { AuthOptions } from 'next-auth';
import { describe, expect, it, vi } from 'vitest';
import { describeNextAuthError } from './describe-next-auth-error.js';
import { runNextAuth } from './run-next-auth.js';

const options = (error = vi.fn()): AuthOptions => ({
  providers: [],
  cookies: { sessionToken: { name: 'web.session-token', options: {} } },
  logger: { error },
});

const responseWith = (...cookies: string[]) => {
  const headers = new Headers({ location: 'http://localhost:3000/' });
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { status: 302, headers });
};

describe('runNextAuth', () => {
  it('returns the errors next-auth logged during this request, and still logs them', async () => {
    const error = vi.fn();
    const outcome = await runNextAuth(options(error), async (observed) => {
      observed.logger?.error?.('OAUTH_CALLBACK_ERROR', {
        error: new Error('state mismatch'),
        providerId: 'oauth-ref',
      } as never);
      return responseWith('web.state=; Max-Age=0');
    });
    expect(outcome.errors).toEqual(['state mismatch']);
    expect(outcome.signedIn).toBe(false);
    expect(error).toHaveBeenCalledWith('OAUTH_CALLBACK_ERROR', expect.anything());
  });

  it('keeps each request’s errors to itself', async () => {
    const first = runNextAuth(options(), async (observed) => {
      observed.logger?.error?.('SIGNIN_OAUTH_ERROR', new Error('first') as never);
      return responseWith();
    });
    const second = runNextAuth(options(), async () => responseWith());
    expect((await first).errors).toEqual(['first']);
    expect((await second).errors).toEqual([]);
  });

  it('calls a sign-in done only when the response sets a non-empty session cookie', async () => {
    const signedIn = await runNextAuth(options(), async () =>
      responseWith('web.session-token=abc; Path=/; HttpOnly'),
    );
    expect(signedIn.signedIn).toBe(true);
    const cleared = await runNextAuth(options(), async () =>
      responseWith('web.session-token=; Path=/; Max-Age=0'),
    );
    expect(cleared.signedIn).toBe(false);
  });

  it('works with next-auth’s default cookie name and no logger', async () => {
    const outcome = await runNextAuth({ providers: [] }, async (observed) => {
      observed.logger?.error?.('X', { message: 'no logger configured' } as never);
      return responseWith('next-auth.session-token=abc');
    });
    expect(outcome).toMatchObject({ signedIn: true, errors: ['no logger configured'] });
  });
});

describe('describeNextAuthError', () => {
  it('reads an Error, { error }, { message } or anything else', () => {
    expect(describeNextAuthError(new Error('a'))).toBe('a');
    expect(describeNextAuthError({ error: new Error('b') })).toBe('b');
    expect(describeNextAuthError({ message: 'c' })).toBe('c');
    expect(describeNextAuthError('d')).toBe('d');
    expect(describeNextAuthError(undefined)).toBe('undefined');
  });
});
