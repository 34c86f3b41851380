/**
 * Text shown on a page from a URL parameter is never the parameter itself: the parameter is a code
 * that picks one fixed message from a table. An unknown code (anything an attacker puts in a link)
 * shows the table's generic message, so no text of theirs appears on our origin.
 */

/** A fixed set of messages, keyed by code. */
export type MessageTable = Readonly<Record<string, string>>;

/**
 * The message for `code`, the generic one for an unknown code, `undefined` when there is no code.
 * Only the table's own keys count (`constructor`, `__proto__` are unknown codes).
 *
 * @example
 * messageForCode({ created: 'Note created.' }, 'created', 'Done.'); // 'Note created.'
 * messageForCode({ created: 'Note created.' }, 'Call +1 555', 'Done.'); // 'Done.'
 */
export function messageForCode(
  table: MessageTable,
  code: string | undefined,
  generic: string,
): string | undefined {
  if (code === undefined || code === '') return undefined;
  return Object.hasOwn(table, code) ? table[code] : generic;
}

/** Whether `code` is one of the table's codes (so it may itself be shown, e.g. as "Error code"). */
export function isKnownCode(
  table: Readonly<Record<string, unknown>>,
  code: string | undefined,
): code is string {
  return code !== undefined && Object.hasOwn(table, code);
}
