/**
 * The notes API for the signed-in user, with the token lifecycle's errors turned into what pages
 * need: an expired session sends the user to /session-expired (once, no loop); an unreachable
 * provider or API becomes a message.
 */
import { redirect } from 'next/navigation';
import { config } from '../config/config';
import { AuthError, SessionExpiredError } from '@oauth-ref/web-auth';
import { ApiError } from '../notes/api-error';
import { createNotesApi, type NotesApi } from '../notes/notes-api';
import { logSecurityEvent } from '../security/log-security-event';
import { getAccessTokenSource } from './access-tokens';
import { recordApiCall } from './record-api-call';
import type { CurrentUser } from './current-user';

/** Why an operation failed, as a stable code (the keys of NOTES_ERRORS). */
export type NotesFailureCode = ApiError['kind'] | 'refresh_failed';

export type NotesResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: NotesFailureCode; message: string; status: number | null };

export async function notesApiFor(user: CurrentUser): Promise<NotesApi> {
  if (!user.accountId) redirect('/session-expired');
  return createNotesApi({
    apiUrl: config.apiUrl,
    accountId: user.accountId,
    tokens: await getAccessTokenSource(),
    onResponse: recordApiCall(user.userId),
  });
}

/**
 * Runs one API operation; maps failures to a message. SessionExpiredError redirects.
 *
 * @example
 * const result = await runNotes(user, (api) => api.list());
 */
export async function runNotes<T>(
  user: CurrentUser,
  operation: (api: NotesApi) => Promise<T>,
): Promise<NotesResult<T>> {
  try {
    return { ok: true, value: await operation(await notesApiFor(user)) };
  } catch (error) {
    if (error instanceof SessionExpiredError) redirect('/session-expired');
    if (error instanceof ApiError) {
      if (error.kind === 'unauthorized')
        logSecurityEvent('api.unauthorized', { userId: user.userId, error: error.oauthError });
      return { ok: false, code: error.kind, message: error.userMessage, status: error.status };
    }
    if (error instanceof AuthError) {
      logSecurityEvent('refresh.failed', { userId: user.userId, code: error.code });
      return {
        ok: false,
        code: 'refresh_failed',
        message:
          'The provider could not renew your access token right now (it may be down). Your session is kept; try again in a moment.',
        status: null,
      };
    }
    throw error;
  }
}
