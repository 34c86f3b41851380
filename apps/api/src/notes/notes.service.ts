/**
 * Notes rules: a note exists only for its owner. A missing note, another user's note and a
 * malformed id all give the same 404, so existence never leaks (RFC 9068 §6 spirit: authorise by
 * subject, not just by scope).
 */
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AccessTokenPrincipal } from '@oauth-ref/nest-bearer-auth';
import { decodeNoteCursor, encodeNoteCursor } from './note-cursor.js';
import {
  NOTE_ID,
  type CreateNoteInput,
  type ListNotesQuery,
  type UpdateNoteInput,
} from './note-schemas.js';
import {
  NotesRepository,
  type NoteOwner,
  type NoteRecord,
  type NoteStats,
} from './notes.repository.js';

export interface NoteView {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NotePage {
  readonly items: readonly NoteView[];
  readonly nextCursor: string | null;
}

const notFound = () =>
  new NotFoundException({ error: 'not_found', error_description: 'Note not found' });

function view(note: NoteRecord): NoteView {
  return {
    id: note.id,
    title: note.title,
    body: note.body,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}

function ownerOf(principal: AccessTokenPrincipal): NoteOwner {
  return { issuer: principal.issuer, subject: principal.subject };
}

@Injectable()
export class NotesService {
  constructor(@Inject(NotesRepository) private readonly notes: NotesRepository) {}

  async list(principal: AccessTokenPrincipal, query: ListNotesQuery): Promise<NotePage> {
    const after = query.cursor === undefined ? undefined : decodeNoteCursor(query.cursor);
    const rows = await this.notes.list(ownerOf(principal), query.limit, after);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(view),
      nextCursor: rows.length > query.limit && last !== undefined ? encodeNoteCursor(last) : null,
    };
  }

  async get(principal: AccessTokenPrincipal, id: string): Promise<NoteView> {
    if (!NOTE_ID.test(id)) throw notFound();
    const note = await this.notes.find(ownerOf(principal), id);
    if (note === null) throw notFound();
    return view(note);
  }

  async create(principal: AccessTokenPrincipal, input: CreateNoteInput): Promise<NoteView> {
    return view(await this.notes.create(ownerOf(principal), input));
  }

  async update(
    principal: AccessTokenPrincipal,
    id: string,
    input: UpdateNoteInput,
  ): Promise<NoteView> {
    if (!NOTE_ID.test(id)) throw notFound();
    const note = await this.notes.update(ownerOf(principal), id, input);
    if (note === null) throw notFound();
    return view(note);
  }

  async remove(principal: AccessTokenPrincipal, id: string): Promise<void> {
    if (!NOTE_ID.test(id) || !(await this.notes.delete(ownerOf(principal), id))) throw notFound();
  }

  stats(): Promise<NoteStats> {
    return this.notes.stats(new Date());
  }
}
