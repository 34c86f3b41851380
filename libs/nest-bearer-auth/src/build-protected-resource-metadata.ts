/**
 * RFC 9728 §2/§3.2: the protected resource metadata document. `resource` must equal the
 * identifier clients use (the audience); `authorization_servers` lists the issuer;
 * `bearer_methods_supported` is `header` only (RFC 6750 §2.1; query and body are refused).
 */
import type { ResolvedBearerAuthOptions } from './bearer-auth-options.js';

export interface ProtectedResourceMetadata {
  readonly resource: string;
  readonly authorization_servers: readonly string[];
  readonly scopes_supported?: readonly string[];
  readonly bearer_methods_supported: readonly string[];
  readonly resource_signing_alg_values_supported?: readonly string[];
  readonly resource_name?: string;
  readonly resource_documentation?: string;
}

/**
 * Builds the RFC 9728 document from the module options.
 *
 * @example
 * buildProtectedResourceMetadata(options);
 * // { resource: 'http://localhost:3333', authorization_servers: ['http://localhost:4000'], bearer_methods_supported: ['header'], ... }
 */
export function buildProtectedResourceMetadata(
  options: ResolvedBearerAuthOptions,
): ProtectedResourceMetadata {
  return Object.freeze({
    resource: options.resource,
    authorization_servers: [options.issuer],
    ...(options.scopesSupported.length > 0 ? { scopes_supported: options.scopesSupported } : {}),
    bearer_methods_supported: ['header'],
    ...(options.resourceName !== undefined ? { resource_name: options.resourceName } : {}),
    ...(options.resourceDocumentation !== undefined
      ? { resource_documentation: options.resourceDocumentation }
      : {}),
  });
}
