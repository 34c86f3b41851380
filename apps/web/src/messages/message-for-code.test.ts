import { describe, expect, it } from 'vitest';
import { isKnownCode, messageForCode } from './message-for-code';
import { NOTES_ERRORS, NOTES_GENERIC_ERROR } from './notes-messages';

const table = { created: 'Note created.' };

describe('messageForCode', () => {
  it('shows the fixed message for a known code', () => {
    expect(messageForCode(table, 'created', 'generic')).toBe('Note created.');
  });

  it('never shows the text of an unknown code, only the generic message', () => {
    const attack = 'Your account was suspended, call +1 555 0100';
    expect(messageForCode(table, attack, 'generic')).toBe('generic');
    expect(messageForCode(NOTES_ERRORS, attack, NOTES_GENERIC_ERROR)).toBe(NOTES_GENERIC_ERROR);
  });

  it('treats inherited property names as unknown codes', () => {
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(messageForCode(table, code, 'generic')).toBe('generic');
      expect(isKnownCode(table, code)).toBe(false);
    }
  });

  it('shows nothing when there is no code', () => {
    expect(messageForCode(table, undefined, 'generic')).toBeUndefined();
    expect(messageForCode(table, '', 'generic')).toBeUndefined();
  });
});
