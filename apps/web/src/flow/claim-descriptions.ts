/**
 * What each claim of an ID token (OpenID Connect Core §2, §5.1) or a JWT access token
 * (RFC 9068 §2.2) means, for the inspector's field-by-field tables.
 */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  iss: 'Issuer: who minted the token. Must equal the configured issuer exactly (no trailing-slash leniency).',
  sub: "Subject: the user's stable identifier at this issuer. The pair (iss, sub) identifies the user.",
  aud: "Audience: who the token is for. ID token: this client's id. Access token: the API (resource indicator, RFC 8707).",
  exp: 'Expiry time. After it the token must be rejected.',
  iat: 'Issued-at time.',
  nbf: 'Not before: the token is invalid until then.',
  auth_time:
    'When the user actually authenticated at the provider (may be earlier than iat when an SSO session was reused).',
  nonce:
    'The random value this app put in the authorization request and kept in an encrypted cookie; a match proves the ID token answers this sign-in (replay protection).',
  acr: 'Authentication context class: how strongly the user authenticated.',
  amr: 'Authentication methods used (e.g. pwd).',
  azp: 'Authorized party: the client the token was issued to.',
  at_hash: 'Hash of the access token issued with this ID token; binds the two together.',
  c_hash: 'Hash of the authorization code (hybrid flows).',
  sid: 'Provider session id, used by logout.',
  jti: 'Unique token id; lets a server detect replays or revoke one token.',
  client_id: 'The OAuth client the access token was issued to (RFC 9068).',
  scope:
    'Space-separated permissions granted to this token; the API checks these (notes:read, notes:write).',
  name: 'Full name (profile scope).',
  given_name: 'Given name (profile scope).',
  family_name: 'Family name (profile scope).',
  preferred_username: 'Username at the provider (profile scope).',
  email: 'E-mail address (email scope).',
  email_verified: 'Whether the provider verified the e-mail address.',
  picture: 'Profile picture URL.',
  updated_at: 'When the profile last changed.',
  locale: 'Preferred locale.',
  zoneinfo: 'Time zone.',
};

const HEADER_DESCRIPTIONS: Readonly<Record<string, string>> = {
  alg: 'Signature algorithm. Must be on the allowlist (RS256, ES256, PS256); never "none" or an HMAC algorithm with a public key.',
  typ: 'Token type. RFC 9068 access tokens say "at+jwt", which stops an ID token from being accepted as an access token.',
  kid: "Which key of the provider's JWKS signed the token.",
};

/**
 * @example
 * describeClaim('nonce'); // 'The random value this app put in the authorization request ...'
 */
export function describeClaim(name: string): string {
  return DESCRIPTIONS[name] ?? 'Provider-specific claim.';
}

/** @example describeHeader('typ') */
export function describeHeader(name: string): string {
  return HEADER_DESCRIPTIONS[name] ?? 'Header parameter.';
}

/** Seconds-since-epoch claims, rendered as dates. */
export const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time', 'updated_at']);
