/**
 * RFC 9449 §7.1: the `DPoP` authentication scheme's challenge. `algs` lists the proof algorithms
 * the resource server accepts (space-separated); `error` is `invalid_token`,
 * `invalid_dpop_proof` or `use_dpop_nonce`; RFC 9728 §5.1 `resource_metadata` applies to every
 * scheme. Values are quoted-strings (RFC 9110 §5.6.4: `"` and `\` escaped).
 */

export interface DpopChallengeOptions {
  readonly algorithms: readonly string[];
  readonly error?: string;
  readonly errorDescription?: string;
  readonly resourceMetadata?: string;
}

function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/**
 * Builds one `DPoP` challenge for a `WWW-Authenticate` header.
 *
 * @example
 * buildDpopChallenge({ algorithms: ['ES256', 'EdDSA'], error: 'invalid_dpop_proof' });
 * // 'DPoP algs="ES256 EdDSA", error="invalid_dpop_proof"'
 */
export function buildDpopChallenge(options: DpopChallengeOptions): string {
  const params: [string, string | undefined][] = [
    ['algs', options.algorithms.join(' ')],
    ['error', options.error],
    ['error_description', options.errorDescription],
    ['resource_metadata', options.resourceMetadata],
  ];
  return `DPoP ${params
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${quoted(value)}`)
    .join(', ')}`;
}
