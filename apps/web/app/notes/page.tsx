import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '../../src/server/current-user';
import { runNotes } from '../../src/server/notes-service';
import { createNoteAction, deleteNoteAction } from './actions';

export const metadata: Metadata = { title: 'Notes' };

const NOTICES: Record<string, string> = {
  created: 'Note created.',
  updated: 'Note saved.',
  deleted: 'Note deleted.',
};

export default async function NotesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser('/notes');
  const params = await searchParams;
  const result = await runNotes(user, (api) => api.list());
  const notice = params.notice ? NOTICES[params.notice] : undefined;
  return (
    <>
      <h1>Your notes</h1>
      <p className="lead">
        Stored by the notes API. This page calls it from the server with your access token (
        <code>notes:read</code>); creating, editing and deleting need <code>notes:write</code>.
      </p>
      {notice ? (
        <p className="alert ok" role="status">
          {notice}
        </p>
      ) : null}
      {params.error ? (
        <div className="alert error" role="alert" data-testid="notes-error">
          <p>{params.error.slice(0, 400)}</p>
        </div>
      ) : null}

      <section className="card" aria-labelledby="new-note">
        <h2 id="new-note">New note</h2>
        <form action={createNoteAction}>
          <label htmlFor="title">Title</label>
          <input id="title" name="title" type="text" required maxLength={200} />
          <label htmlFor="body">Text</label>
          <textarea id="body" name="body" maxLength={5000} />
          <p>
            <button type="submit">Add note</button>
          </p>
        </form>
      </section>

      <h2>All notes</h2>
      {!result.ok ? (
        <div className="alert error" role="alert" data-testid="notes-load-error">
          <p>{result.message}</p>
          {result.status ? <p className="hint">API status {result.status}</p> : null}
        </div>
      ) : result.value.length === 0 ? (
        <p className="empty">No notes yet. Add one above.</p>
      ) : (
        <ul className="notes" data-testid="notes-list">
          {result.value.map((note) => (
            <li key={note.id} data-testid="note">
              <h3>{note.title}</h3>
              {note.body ? <p className="body">{note.body}</p> : null}
              <div className="actions">
                <Link
                  className="button secondary"
                  href={`/notes/${encodeURIComponent(note.id)}`}
                  aria-label={`Edit ${note.title}`}
                >
                  Edit
                </Link>
                <form action={deleteNoteAction} className="inline-form">
                  <input type="hidden" name="id" value={note.id} />
                  <button type="submit" className="danger" aria-label={`Delete ${note.title}`}>
                    Delete
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
