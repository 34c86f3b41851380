/**
 * Reads a note form's fields and checks them against the API's limits before anything is sent.
 * Refuses (never truncates): a missing title, a title over NOTE_TITLE_MAX, a body over
 * NOTE_BODY_MAX. The values come back as typed so the form can show them again.
 */
import { NOTE_BODY_MAX, NOTE_TITLE_MAX } from './note-limits';

export interface NoteFormValues {
  readonly title: string;
  readonly body: string;
}

export type NoteFormCheck =
  | { readonly ok: true; readonly input: NoteFormValues; readonly values: NoteFormValues }
  | { readonly ok: false; readonly message: string; readonly values: NoteFormValues };

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

const count = (value: string) => value.length.toLocaleString('en');

/**
 * @example
 * const check = readNoteForm(formData);
 * if (!check.ok) return { message: check.message, values: check.values };
 */
export function readNoteForm(form: FormData): NoteFormCheck {
  const values = { title: text(form, 'title'), body: text(form, 'body') };
  const title = values.title.trim();
  if (!title) return { ok: false, message: 'A note needs a title.', values };
  if (title.length > NOTE_TITLE_MAX)
    return {
      ok: false,
      message: `The title has ${count(title)} characters; the limit is ${NOTE_TITLE_MAX}. Nothing was saved.`,
      values,
    };
  if (values.body.length > NOTE_BODY_MAX)
    return {
      ok: false,
      message: `The text has ${count(values.body)} characters; the limit is ${NOTE_BODY_MAX.toLocaleString('en')}. Nothing was saved.`,
      values,
    };
  return { ok: true, input: { title, body: values.body }, values };
}
