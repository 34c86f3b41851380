/**
 * Secrets and tokens are never shown, logged or stored in full by accident: they are masked to a
 * short prefix and their length, enough for a learner to tell two values apart.
 */

/**
 * Masks a secret value: its first `visible` characters, an ellipsis, and its length.
 *
 * @example
 * maskSecret('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'); // 'dBjf… (43 chars)'
 */
export function maskSecret(value: string, visible = 4): string {
  if (value.length <= visible * 2) return `${'•'.repeat(value.length)} (${value.length} chars)`;
  return `${value.slice(0, visible)}… (${value.length} chars)`;
}
