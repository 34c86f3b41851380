/**
 * Shortens `text` to at most `max` characters, ending in `…` when cut, so a long parameter (a
 * code_challenge, a URL) fits its line; the text alternative keeps the full value.
 *
 * @example
 * shortenText('abcdefghij', 6); // 'abcde…'
 * shortenText('abc', 6); // 'abc'
 */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…';
  return `${text.slice(0, max - 1)}…`;
}
