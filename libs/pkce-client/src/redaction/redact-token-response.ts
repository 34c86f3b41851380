/**
 * RFC 6749 §10.3 / RFC 9700 §4.15: tokens must not leak through logs. A token endpoint response is
 * made printable by masking `access_token`, `refresh_token` and `id_token`, keeping every other
 * member as it is.
 */
import { maskSecret } from './mask-secret.js';

const TOKEN_MEMBERS = ['access_token', 'refresh_token', 'id_token', 'code', 'code_verifier'];

/**
 * Returns a copy of a token (or token request) record with token-bearing members masked.
 *
 * @example
 * redactTokenResponse({ access_token: 'eyJhbGciOi...', token_type: 'Bearer' });
 * // { access_token: 'eyJh… (812 chars)', token_type: 'Bearer' }
 */
export function redactTokenResponse(
  record: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([name, value]) => [
      name,
      TOKEN_MEMBERS.includes(name) && typeof value === 'string' ? maskSecret(value) : value,
    ]),
  );
}
