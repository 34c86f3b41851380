import { type PkceClientErrorCode, pkceClientErrorCatalogue } from './error-catalogue.js';

/**
 * The one error class of this library. Branch on `code` (stable); `oauthError` is the matching
 * OAuth error name where one exists; `message` adds the detail of this occurrence.
 */
export class PkceClientError extends Error {
  readonly code: PkceClientErrorCode;
  readonly oauthError: string | undefined;

  constructor(code: PkceClientErrorCode, detail?: string, options?: { cause?: unknown }) {
    const explanation = pkceClientErrorCatalogue[code].explanation;
    super(detail ? `${explanation} (${detail})` : explanation, options);
    this.name = 'PkceClientError';
    this.code = code;
    this.oauthError = pkceClientErrorCatalogue[code].oauthError;
  }
}

/**
 * Narrows an unknown thrown value to a {@link PkceClientError}, optionally of one code.
 *
 * @example
 * try { await refresh(); } catch (e) { if (isPkceClientError(e, 'refresh_token_rejected')) signOut(); }
 */
export function isPkceClientError(
  value: unknown,
  code?: PkceClientErrorCode,
): value is PkceClientError {
  return value instanceof PkceClientError && (code === undefined || value.code === code);
}
