import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '../../../src/server/current-user';
import { runNotes } from '../../../src/server/notes-service';
import { deleteNoteAction, updateNoteAction } from '../actions';
import { NoteForm } from '../note-form';

export const metadata: Metadata = { title: 'Edit note' };

export default async function EditNotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/notes/${encodeURIComponent(id)}`);
  const result = await runNotes(user, (api) => api.get(id));
  return (
    <>
      <p>
        <Link href="/notes">← All notes</Link>
      </p>
      <h1>Edit note</h1>
      {!result.ok ? (
        <div className="alert error" role="alert">
          <p>{result.message}</p>
        </div>
      ) : (
        <section className="card">
          <NoteForm
            action={updateNoteAction}
            noteId={result.value.id}
            initial={{ title: result.value.title, body: result.value.body }}
            submitLabel="Save"
          />
          <form action={deleteNoteAction}>
            <input type="hidden" name="id" value={result.value.id} />
            <button type="submit" className="danger">
              Delete this note
            </button>
          </form>
        </section>
      )}
    </>
  );
}
