/**
 * The notes API's input, validated with zod: strict objects (unknown fields are refused), trimmed
 * strings with length limits, and a bounded page size.
 */
import { z } from 'zod';

export const NOTE_TITLE_MAX = 200;
export const NOTE_BODY_MAX = 10_000;
export const PAGE_SIZE_MAX = 100;

const title = z
  .string({ error: 'title must be a string' })
  .trim()
  .min(1, { error: 'title must not be empty' })
  .max(NOTE_TITLE_MAX, { error: `title must be at most ${NOTE_TITLE_MAX} characters` });
const body = z
  .string({ error: 'body must be a string' })
  .max(NOTE_BODY_MAX, { error: `body must be at most ${NOTE_BODY_MAX} characters` });

export const createNoteSchema = z.strictObject(
  { title, body: body.default('') },
  { error: 'the body must be a JSON object' },
);
export type CreateNoteInput = z.output<typeof createNoteSchema>;

export const updateNoteSchema = z
  .strictObject(
    { title: title.optional(), body: body.optional() },
    { error: 'the body must be a JSON object' },
  )
  .refine((value) => value.title !== undefined || value.body !== undefined, {
    error: 'give title or body',
  });
export type UpdateNoteInput = z.output<typeof updateNoteSchema>;

export const listNotesQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be an integer' })
    .min(1, { error: 'limit must be at least 1' })
    .max(PAGE_SIZE_MAX, { error: `limit must be at most ${PAGE_SIZE_MAX}` })
    .default(20),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, { error: 'cursor is not a cursor this API issued' })
    .optional(),
});
export type ListNotesQuery = z.output<typeof listNotesQuerySchema>;

/** Note ids are UUIDs; anything else cannot exist (404, like another user's note). */
export const NOTE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
