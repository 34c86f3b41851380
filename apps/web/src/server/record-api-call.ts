/**
 * Records each answer of the notes API as an `api_call` flow event (method, path, status and the
 * challenge's error code; never the token), so the inspector's diagram shows the API calls and
 * the 401 → refresh → retry sequence as they happened.
 */
import { getPrisma } from '../db/prisma';
import { createFlowEventStore } from '../flow/flow-event-store';
import { parseChallenge } from '../notes/api-error';

/**
 * @example
 * createNotesApi({ apiUrl, accountId, tokens, onResponse: recordApiCall(user.userId) });
 */
export function recordApiCall(userId: string) {
  return async ({
    method,
    path,
    response,
  }: {
    method: string;
    path: string;
    response: Response;
  }): Promise<void> => {
    const error = parseChallenge(response.headers.get('www-authenticate'))['error'] ?? null;
    await createFlowEventStore(await getPrisma()).record({
      userId,
      flowId: 'api',
      step: 'api_call',
      detail: { method, path, status: response.status, error },
    });
  };
}
