import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '../../src/server/current-user';
import { runNotes } from '../../src/server/notes-service';
import { messageForCode } from '../../src/messages/message-for-code';
import {
  NOTES_ERRORS,
  NOTES_GENERIC_ERROR,
  NOTES_GENERIC_NOTICE,
  NOTES_NOTICES,
} from '../../src/messages/notes-messages';
import { NOTE_BODY_MAX, NOTE_TITLE_MAX } from '../../src/notes/note-limits';
import { createNoteAction, deleteNoteAction } from './actions';
import { NoteForm } from './note-form';

export const metadata: Metadata = { title: 'Notes' };

export default async function NotesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser('/notes');
  const params = await searchParams;
  const result = await runNotes(user, (api) => api.list());
  // Codes pick fixed texts; whatever else a link puts in ?notice= or ?error= is never shown.
  const notice = messageForCode(NOTES_NOTICES, params.notice, NOTES_GENERIC_NOTICE);
  const error = messageForCode(NOTES_ERRORS, params.error, NOTES_GENERIC_ERROR);
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
      {error ? (
        <div className="alert error" role="alert" data-testid="notes-error">
          <p>{error}</p>
        </div>
      ) : null}

      <section className="card" aria-labelledby="new-note">
        <h2 id="new-note">New note</h2>
        <p className="hint">
          A title of up to {NOTE_TITLE_MAX} characters and a text of up to{' '}
          {NOTE_BODY_MAX.toLocaleString('en')}: the notes API refuses longer ones.
        </p>
        <NoteForm
          action={createNoteAction}
          initial={{ title: '', body: '' }}
          submitLabel="Add note"
        />
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
