/**
 * Client credentials are for machine clients only (RFC 6749 §4.4, RFC 9700 §2.5): a client that
 * registers `client_credentials` may not also act for users (authorization_code, device_code,
 * refresh_token), and must authenticate (no `none`). Applied to dynamic registration (as the
 * policy of every initial access token the admin API issues) and to admin-created clients.
 */
import { errors, type ClientMetadata } from 'oidc-provider';

const USER_GRANTS = new Set([
  'authorization_code',
  'refresh_token',
  'urn:ietf:params:oauth:grant-type:device_code',
  'implicit',
]);

export const CLIENT_GRANT_POLICY = 'machine-clients-only-for-client-credentials';

export function assertClientGrantPolicy(metadata: Partial<ClientMetadata>): void {
  const grants = metadata.grant_types ?? ['authorization_code'];
  if (!grants.includes('client_credentials')) return;
  if (grants.some((grant) => USER_GRANTS.has(grant))) {
    throw new errors.InvalidClientMetadata(
      'client_credentials cannot be combined with user grant types',
    );
  }
  if (metadata.token_endpoint_auth_method === 'none') {
    throw new errors.InvalidClientMetadata('client_credentials requires client authentication');
  }
}
