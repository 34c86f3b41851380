/** The only texts the notes pages show from their `?notice=` and `?error=` parameters. */
import type { MessageTable } from './message-for-code';

export const NOTES_NOTICES: MessageTable = {
  created: 'Note created.',
  updated: 'Note saved.',
  deleted: 'Note deleted.',
};

export const NOTES_GENERIC_NOTICE = 'Done.';

/** Codes are the failure kinds of `runNotes` (see notes-service.ts). */
export const NOTES_ERRORS: MessageTable = {
  not_found: 'That note does not exist (or belongs to someone else). Nothing was deleted.',
  unauthorized: 'The API refused the access token. Sign in again to get a new one.',
  forbidden:
    'The API says your token lacks the notes:write permission. Sign in again and grant it on the consent page.',
  rate_limited: 'The API is limiting requests right now. Nothing was changed; try again shortly.',
  unavailable:
    'The notes API could not be used right now (see the message under "All notes"). Nothing was changed.',
  refresh_failed:
    'The provider could not renew your access token right now. Your session is kept; try again in a moment.',
  invalid_request: 'The API rejected the request. Nothing was changed.',
  unexpected: 'The API answered in an unexpected way. Nothing was changed.',
};

export const NOTES_GENERIC_ERROR = 'Something went wrong. Nothing was changed; try again.';
