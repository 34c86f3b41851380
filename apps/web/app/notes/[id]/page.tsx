import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '../../../src/server/current-user';
import { runNotes } from '../../../src/server/notes-service';
import { deleteNoteAction, updateNoteAction } from '../actions';

export const metadata: Metadata = { title: 'Edit note' };

export default async function EditNotePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const user = await requireUser(`/notes/${encodeURIComponent(id)}`);
  const { error } = await searchParams;
  const result = await runNotes(user, (api) => api.get(id));
  return (
    <>
      <p>
        <Link href="/notes">← All notes</Link>
      </p>
      <h1>Edit note</h1>
      {error ? (
        <div className="alert error" role="alert" data-testid="notes-error">
          <p>{error.slice(0, 400)}</p>
        </div>
      ) : null}
      {!result.ok ? (
        <div className="alert error" role="alert">
          <p>{result.message}</p>
        </div>
      ) : (
        <section className="card">
          <form action={updateNoteAction}>
            <input type="hidden" name="id" value={result.value.id} />
            <label htmlFor="title">Title</label>
            <input
              id="title"
              name="title"
              type="text"
              required
              maxLength={200}
              defaultValue={result.value.title}
            />
            <label htmlFor="body">Text</label>
            <textarea id="body" name="body" maxLength={5000} defaultValue={result.value.body} />
            <p>
              <button type="submit">Save</button>
            </p>
          </form>
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
