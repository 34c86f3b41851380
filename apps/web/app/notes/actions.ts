'use server';

import { redirect } from 'next/navigation';
import { requireUser } from '../../src/server/current-user';
import { runNotes } from '../../src/server/notes-service';

function field(form: FormData, name: string, max: number): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

function failed(path: string, message: string): never {
  redirect(`${path}${path.includes('?') ? '&' : '?'}error=${encodeURIComponent(message)}`);
}

export async function createNoteAction(form: FormData): Promise<void> {
  const user = await requireUser('/notes');
  const title = field(form, 'title', 200);
  if (!title) failed('/notes', 'A note needs a title.');
  const result = await runNotes(user, (api) =>
    api.create({ title, body: field(form, 'body', 5000) }),
  );
  if (!result.ok) failed('/notes', result.message);
  redirect('/notes?notice=created');
}

export async function updateNoteAction(form: FormData): Promise<void> {
  const user = await requireUser('/notes');
  const id = field(form, 'id', 100);
  const title = field(form, 'title', 200);
  if (!title) failed(`/notes/${encodeURIComponent(id)}`, 'A note needs a title.');
  const result = await runNotes(user, (api) =>
    api.update(id, { title, body: field(form, 'body', 5000) }),
  );
  if (!result.ok) failed(`/notes/${encodeURIComponent(id)}`, result.message);
  redirect('/notes?notice=updated');
}

export async function deleteNoteAction(form: FormData): Promise<void> {
  const user = await requireUser('/notes');
  const id = field(form, 'id', 100);
  const result = await runNotes(user, (api) => api.remove(id));
  if (!result.ok) failed('/notes', result.message);
  redirect('/notes?notice=deleted');
}
