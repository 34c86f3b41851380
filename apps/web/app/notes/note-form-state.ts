import type { NoteFormValues } from '../../src/notes/read-note-form';

/** What a note form's server action answers when it does not redirect: the error and the input. */
export interface NoteFormState {
  readonly error: string | null;
  readonly values: NoteFormValues;
}
