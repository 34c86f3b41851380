'use client';

import { useActionState, useState } from 'react';
import { NOTE_BODY_MAX, NOTE_TITLE_MAX } from '../../src/notes/note-limits';
import type { NoteFormState } from './note-form-state';

function CharacterCount({ id, used, max }: { id: string; used: number; max: number }) {
  const full = used >= max;
  return (
    <span id={id} className={full ? 'hint limit-reached' : 'hint'} data-testid={id}>
      {used.toLocaleString('en')} / {max.toLocaleString('en')} characters
      {full ? ' — limit reached' : ''}
    </span>
  );
}

/**
 * The create and edit form. The limits are shown before typing (and enforced by maxLength); the
 * server action refuses longer input anyway. A failed save shows its error beside the form and
 * keeps everything typed.
 */
export function NoteForm({
  action,
  initial,
  noteId,
  submitLabel,
}: {
  action: (state: NoteFormState, form: FormData) => Promise<NoteFormState>;
  initial: { title: string; body: string };
  noteId?: string;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, { error: null, values: initial });
  const [title, setTitle] = useState(state.values.title);
  const [body, setBody] = useState(state.values.body);
  return (
    <form action={formAction} aria-describedby={state.error ? 'note-form-error' : undefined}>
      {noteId ? <input type="hidden" name="id" value={noteId} /> : null}
      <label htmlFor="title">Title</label>
      <input
        id="title"
        name="title"
        type="text"
        required
        maxLength={NOTE_TITLE_MAX}
        aria-describedby="title-count"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <CharacterCount id="title-count" used={title.length} max={NOTE_TITLE_MAX} />
      <label htmlFor="body">Text</label>
      <textarea
        id="body"
        name="body"
        maxLength={NOTE_BODY_MAX}
        aria-describedby="body-count"
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      <CharacterCount id="body-count" used={body.length} max={NOTE_BODY_MAX} />
      {state.error ? (
        <div
          className="alert error"
          role="alert"
          id="note-form-error"
          data-testid="note-form-error"
        >
          <p>{state.error}</p>
          <p className="hint">Nothing was saved; your text is still in the form.</p>
        </div>
      ) : null}
      <p>
        <button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </p>
    </form>
  );
}
