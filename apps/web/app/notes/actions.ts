'use server';

import { redirect } from 'next/navigation';
import { readNoteForm } from '../../src/notes/read-note-form';
import { requireUser } from '../../src/server/current-user';
import { runNotes } from '../../src/server/notes-service';
import type { NoteFormState } from './note-form-state';

function idOf(form: FormData): string {
  const value = form.get('id');
  return typeof value === 'string' ? value.slice(0, 100) : '';
}

/** Creates a note; on failure answers the error and the typed values (the form keeps them). */
export async function createNoteAction(
  _previous: NoteFormState,
  form: FormData,
): Promise<NoteFormState> {
  const user = await requireUser('/notes');
  const check = readNoteForm(form);
  if (!check.ok) return { error: check.message, values: check.values };
  const result = await runNotes(user, (api) => api.create(check.input));
  if (!result.ok) return { error: result.message, values: check.values };
  redirect('/notes?notice=created');
}

/** Saves an edited note; on failure answers the error and the typed values. */
export async function updateNoteAction(
  _previous: NoteFormState,
  form: FormData,
): Promise<NoteFormState> {
  const id = idOf(form);
  const user = await requireUser(`/notes/${encodeURIComponent(id)}`);
  const check = readNoteForm(form);
  if (!check.ok) return { error: check.message, values: check.values };
  const result = await runNotes(user, (api) => api.update(id, check.input));
  if (!result.ok) return { error: result.message, values: check.values };
  redirect('/notes?notice=updated');
}

/** Deletes a note; a failure comes back as a code that the notes page turns into fixed text. */
export async function deleteNoteAction(form: FormData): Promise<void> {
  const user = await requireUser('/notes');
  const id = idOf(form);
  const result = await runNotes(user, (api) => api.remove(id));
  if (!result.ok) redirect(`/notes?error=${result.code}`);
  redirect('/notes?notice=deleted');
}
