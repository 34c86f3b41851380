// Lifetimes the e2e stack runs with, short enough to watch tokens expire within a test.
export const e2eTimings = Object.freeze({
  /** Access tokens expire after this, so refresh can be proven without waiting minutes. */
  accessTokenTtlSeconds: 20,
  /** How long a retired signing key stays in the JWKS after rotation. */
  keyRotationGraceSeconds: 5,
  /** The API refetches the JWKS for an unknown kid at most this often. */
  jwksCooldownSeconds: 1,
  /** The API trusts fetched keys this long, so a retired key stops working within it. */
  jwksMaxAgeSeconds: 5,
});
