/**
 * RFC 9728 §2/§3.2: the protected resource metadata document. `resource` must equal the
 * identifier clients use (the audience); `authorization_servers` lists the issuer;
 * `bearer_methods_supported` is `header` only (RFC 6750 §2.1; query and body are refused);
 * `dpop_signing_alg_values_supported` and `dpop_bound_access_tokens_required` state the DPoP
 * policy (RFC 9449 §7.1).
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
  /** RFC 9728 §2 / RFC 9449 §7.1: proof algorithms accepted. */
  readonly dpop_signing_alg_values_supported: readonly string[];
  /** RFC 9728 §2: `true` when only DPoP-bound access tokens are accepted. */
  readonly dpop_bound_access_tokens_required: boolean;
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
    dpop_signing_alg_values_supported: options.dpop.algorithms,
    dpop_bound_access_tokens_required: options.dpop.required,
  });
}
