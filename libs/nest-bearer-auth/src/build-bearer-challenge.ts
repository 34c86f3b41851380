/**
 * RFC 6750 §3: the `WWW-Authenticate: Bearer ...` challenge. Parameter values are quoted strings;
 * a value with a character outside RFC 6750's allowed set (quote, backslash, control) is refused
 * rather than escaped, so a challenge can never be used to inject a header.
 *
 * Same interface as `buildBearerChallenge` in `@oauth-ref/token-types` (the stack's shared
 * protocol lib); kept here so this lib can be copied into another app on its own.
 */

export interface BearerChallengeParameters {
  realm?: string;
  error?: 'invalid_request' | 'invalid_token' | 'insufficient_scope';
  errorDescription?: string;
  scope?: string;
  /** RFC 9728 §5.1: the URL of the protected resource metadata. */
  resourceMetadata?: string;
}

const SAFE_VALUE = /^[\x20\x21\x23-\x5B\x5D-\x7E]*$/;

function quote(name: string, value: string): string {
  if (!SAFE_VALUE.test(value)) {
    throw new TypeError(
      `Bearer challenge parameter ${name} contains a character RFC 6750 does not allow`,
    );
  }
  return `${name}="${value}"`;
}

/**
 * Builds an RFC 6750 `WWW-Authenticate` value.
 *
 * @example
 * buildBearerChallenge({ error: 'invalid_token', errorDescription: 'The token expired' });
 * // 'Bearer error="invalid_token", error_description="The token expired"'
 */
export function buildBearerChallenge(parameters: BearerChallengeParameters = {}): string {
  const parts: string[] = [];
  if (parameters.realm !== undefined) parts.push(quote('realm', parameters.realm));
  if (parameters.error !== undefined) parts.push(quote('error', parameters.error));
  if (parameters.errorDescription !== undefined) {
    parts.push(quote('error_description', parameters.errorDescription));
  }
  if (parameters.scope !== undefined) parts.push(quote('scope', parameters.scope));
  if (parameters.resourceMetadata !== undefined) {
    parts.push(quote('resource_metadata', parameters.resourceMetadata));
  }
  return parts.length === 0 ? 'Bearer' : `Bearer ${parts.join(', ')}`;
}
