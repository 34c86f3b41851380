/**
 * RFC 6749 §2.3.1 client_secret_basic: the id and secret are form-urlencoded before being
 * joined with ":" and base64-encoded (a secret containing ":" or "%" must survive).
 *
 * @example
 * basicAuthorization('oauth-ref-web', 's3cret'); // 'Basic b2F1dGgtcmVmLXdlYjpzM2NyZXQ='
 */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}
