/**
 * RFC 7636 §4.1: code_verifier = high-entropy cryptographic random STRING using the unreserved
 * characters [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~", with a minimum length of 43 characters
 * and a maximum length of 128 characters.
 */
import { PkceClientError } from './errors/pkce-client-error.js';

const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * Throws `verifier_invalid` unless `verifier` follows RFC 7636 §4.1.
 *
 * @example
 * assertCodeVerifier(oauth.generateRandomCodeVerifier()); // ok (43 chars of base64url)
 * assertCodeVerifier('too-short'); // throws PkceClientError { code: 'verifier_invalid' }
 */
export function assertCodeVerifier(verifier: string): void {
  if (!VERIFIER_PATTERN.test(verifier)) {
    throw new PkceClientError(
      'verifier_invalid',
      `got ${verifier.length} characters${/[^A-Za-z0-9\-._~]/.test(verifier) ? ' including characters outside the unreserved set' : ''}`,
    );
  }
}
