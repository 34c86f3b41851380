import { describe, expect, it } from 'vitest';
import { NOTE_BODY_MAX, NOTE_TITLE_MAX } from './note-limits';
import { readNoteForm } from './read-note-form';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe('readNoteForm', () => {
  it('accepts input at the limits exactly, unchanged', () => {
    const title = 't'.repeat(NOTE_TITLE_MAX);
    const body = 'b'.repeat(NOTE_BODY_MAX);
    const check = readNoteForm(form({ title, body }));
    expect(check).toMatchObject({ ok: true, input: { title, body } });
  });

  it('refuses a title one character over the limit, and keeps what was typed', () => {
    const title = 't'.repeat(NOTE_TITLE_MAX + 1);
    const check = readNoteForm(form({ title, body: 'kept' }));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toContain('limit is 200');
    expect(check.values).toEqual({ title, body: 'kept' });
  });

  it('refuses a body one character over the limit instead of cutting it', () => {
    const body = 'b'.repeat(NOTE_BODY_MAX + 1);
    const check = readNoteForm(form({ title: 'x', body }));
    expect(check).toMatchObject({ ok: false, values: { body } });
    if (!check.ok) expect(check.message).toContain('10,001 characters');
  });

  it('refuses a blank title', () => {
    expect(readNoteForm(form({ title: '   ', body: '' }))).toMatchObject({
      ok: false,
      message: 'A note needs a title.',
    });
  });

  it('trims the title as the API does', () => {
    expect(readNoteForm(form({ title: '  Hi  ', body: '' }))).toMatchObject({
      ok: true,
      input: { title: 'Hi' },
    });
  });
});
