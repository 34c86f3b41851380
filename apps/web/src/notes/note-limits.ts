/**
 * The notes API's input limits (apps/api/src/notes/note-schemas.ts: the title is trimmed, 1–200
 * characters; the body at most 10,000). The form states them before typing and the server action
 * refuses longer input with a message; nothing is ever cut.
 */
export const NOTE_TITLE_MAX = 200;
export const NOTE_BODY_MAX = 10_000;
