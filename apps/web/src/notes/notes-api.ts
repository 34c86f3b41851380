/**
 * The API's notes, called from the server with the user's access token (backend-for-frontend).
 * A 401 `invalid_token` is retried once after a forced refresh (the token may have been revoked or
 * expired early); a second 401 is reported.
 */
import { z } from 'zod';
import type { AccessTokenSource } from '@oauth-ref/web-auth';
import { ApiError, apiErrorFromResponse, NETWORK_FAILURE } from './api-error';

export const noteSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string().default(''),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type Note = z.infer<typeof noteSchema>;

const noteListSchema = z.union([
  z.array(noteSchema),
  z.object({ notes: z.array(noteSchema) }).transform((value) => value.notes),
  z.object({ items: z.array(noteSchema) }).transform((value) => value.items),
  z.object({ data: z.array(noteSchema) }).transform((value) => value.data),
]);

export interface NoteInput {
  readonly title: string;
  readonly body: string;
}

export interface NotesApi {
  list(): Promise<Note[]>;
  get(id: string): Promise<Note>;
  create(input: NoteInput): Promise<Note>;
  update(id: string, input: Partial<NoteInput>): Promise<Note>;
  remove(id: string): Promise<void>;
}

/**
 * @example
 * const notes = createNotesApi({ apiUrl: 'http://localhost:3333', accountId, tokens: getAccessTokenSource() });
 * await notes.create({ title: 'Hello', body: '' });
 */
export function createNotesApi(options: {
  readonly apiUrl: string;
  readonly accountId: string;
  readonly tokens: Pick<AccessTokenSource, 'getAccessToken' | 'forceRefresh'>;
  readonly fetchImpl?: typeof fetch;
  /** Told of every answer the API gave (for the inspector's diagram); its failures are ignored. */
  readonly onResponse?: (call: {
    readonly method: string;
    readonly path: string;
    readonly response: Response;
  }) => Promise<void> | void;
}): NotesApi {
  const fetchImpl = options.fetchImpl ?? fetch;

  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const call = async (accessToken: string) => {
      try {
        return await fetchImpl(`${options.apiUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${accessToken}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          cache: 'no-store',
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        throw new ApiError('unavailable', 503, null, null, null, NETWORK_FAILURE);
      }
    };
    const attempt = async (accessToken: string) => {
      const response = await call(accessToken);
      try {
        await options.onResponse?.({ method, path, response });
      } catch {
        // the diagram is a teaching aid: a failed record never fails the user's request
      }
      return response;
    };
    let response = await attempt(await options.tokens.getAccessToken(options.accountId));
    if (response.status === 401) {
      response = await attempt(await options.tokens.forceRefresh(options.accountId));
    }
    if (!response.ok) throw await apiErrorFromResponse(response);
    return response;
  }

  const parseNote = async (response: Response) => {
    const parsed = noteSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new ApiError('unexpected', response.status, null, 'malformed note');
    return parsed.data;
  };

  return {
    async list() {
      const response = await send('GET', '/notes');
      const parsed = noteListSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success)
        throw new ApiError('unexpected', response.status, null, 'malformed note list');
      return parsed.data;
    },
    async get(id) {
      return parseNote(await send('GET', `/notes/${encodeURIComponent(id)}`));
    },
    async create(input) {
      return parseNote(await send('POST', '/notes', input));
    },
    async update(id, input) {
      return parseNote(await send('PATCH', `/notes/${encodeURIComponent(id)}`, input));
    },
    async remove(id) {
      await send('DELETE', `/notes/${encodeURIComponent(id)}`);
    },
  };
}
