/**
 * RFC 9728 §2 protected resource metadata:
 * - `resource` REQUIRED: the resource identifier, an https URL (http only for loopback hosts) with
 *   no fragment, and (§3.3) IDENTICAL to the resource the metadata was fetched for.
 * - `authorization_servers` OPTIONAL: issuer identifiers (https URLs, no query, no fragment).
 * - `jwks_uri`, `resource_documentation`, `resource_policy_uri`, `resource_tos_uri` OPTIONAL URLs.
 * - `scopes_supported` RECOMMENDED: single scope-tokens (RFC 6749 §3.3).
 * - `bearer_methods_supported` OPTIONAL: `header`, `body`, `query` (RFC 6750 §2); `[]` means none.
 * - `resource_signing_alg_values_supported` MUST NOT contain `none`.
 * Unknown members are kept.
 */
import { z } from 'zod';
import { nonEmptyString, scopeToken } from './claim-schemas.js';
import { parseWithSchema } from './parse-with-schema.js';
import { secureUrl } from './secure-url.js';
import { TOKEN_TYPE_ERROR_CODES, TokenTypeValidationError } from './token-type-validation-error.js';

const CODE = TOKEN_TYPE_ERROR_CODES.protectedResourceMetadata;

function url(name: string) {
  return secureUrl(
    `RFC 9728 §2: ${name}, when present, is an https URL (http only for localhost) without a fragment`,
  ).optional();
}

/**
 * The RFC 6750 §2 ways to present a bearer token.
 *
 * @example
 * const method: BearerMethod = 'header'; // Authorization: Bearer <token>
 */
export type BearerMethod = 'header' | 'body' | 'query';

/**
 * RFC 9728 §2 protected resource metadata.
 *
 * @example
 * protectedResourceMetadataSchema.parse({ resource: 'http://localhost:3333' }).resource;
 */
export const protectedResourceMetadataSchema = z.looseObject(
  {
    resource: secureUrl(
      'RFC 9728 §2: resource is REQUIRED, an https URL (http only for localhost) without a fragment',
    ),
    authorization_servers: z
      .array(
        secureUrl(
          'RFC 9728 §2: authorization_servers holds issuer identifiers (https URLs, http only for localhost, no query or fragment)',
          { fragment: 'forbidden', query: 'forbidden' },
        ),
        { error: 'RFC 9728 §2: authorization_servers, when present, is a JSON array' },
      )
      .optional(),
    jwks_uri: url('jwks_uri'),
    scopes_supported: z
      .array(
        scopeToken('RFC 9728 §2: scopes_supported holds single scope-tokens (RFC 6749 §3.3)'),
        { error: 'RFC 9728 §2: scopes_supported, when present, is a JSON array' },
      )
      .optional(),
    bearer_methods_supported: z
      .array(
        z.enum(['header', 'body', 'query'], {
          error:
            'RFC 9728 §2: bearer_methods_supported holds "header", "body" or "query" (RFC 6750 §2)',
        }),
        { error: 'RFC 9728 §2: bearer_methods_supported, when present, is a JSON array' },
      )
      .optional(),
    resource_signing_alg_values_supported: z
      .array(
        nonEmptyString('RFC 9728 §2: signing algorithm names are non-empty strings').refine(
          (value) => value.toLowerCase() !== 'none',
          { error: 'RFC 9728 §2: "none" MUST NOT be used as a resource signing algorithm' },
        ),
        { error: 'RFC 9728 §2: resource_signing_alg_values_supported is a JSON array' },
      )
      .optional(),
    resource_name: nonEmptyString(
      'RFC 9728 §2: resource_name, when present, is a non-empty string',
    ).optional(),
    resource_documentation: url('resource_documentation'),
    resource_policy_uri: url('resource_policy_uri'),
    resource_tos_uri: url('resource_tos_uri'),
    tls_client_certificate_bound_access_tokens: z
      .boolean({
        error: 'RFC 9728 §2: tls_client_certificate_bound_access_tokens is a JSON boolean',
      })
      .optional(),
    dpop_bound_access_tokens_required: z
      .boolean({ error: 'RFC 9728 §2: dpop_bound_access_tokens_required is a JSON boolean' })
      .optional(),
  },
  { error: 'RFC 9728 §3.2: the metadata is a JSON object' },
);

/**
 * A validated RFC 9728 document.
 *
 * @example
 * const metadata: ProtectedResourceMetadata = parseProtectedResourceMetadata(document);
 * metadata.scopes_supported; // ['notes:read', 'notes:write', 'notes:stats']
 */
export type ProtectedResourceMetadata = z.output<typeof protectedResourceMetadataSchema>;

/**
 * What the client asked for.
 *
 * @example
 * const expectations: ProtectedResourceMetadataExpectations = { expectedResource: 'http://localhost:3333' };
 */
export interface ProtectedResourceMetadataExpectations {
  /** The resource whose well-known URL was fetched. `resource` must be identical (RFC 9728 §3.3). */
  readonly expectedResource?: string;
}

/**
 * Validates an RFC 9728 document and, when given, that `resource` is identical to the resource it
 * was fetched for. Throws `TokenTypeValidationError` (`ERR_PROTECTED_RESOURCE_METADATA_INVALID`).
 *
 * @example
 * const metadata = parseProtectedResourceMetadata(
 *   await (await fetch('http://localhost:3333/.well-known/oauth-protected-resource')).json(),
 *   { expectedResource: 'http://localhost:3333' },
 * );
 * metadata.authorization_servers; // ['http://localhost:4000']
 */
export function parseProtectedResourceMetadata(
  input: unknown,
  expectations: ProtectedResourceMetadataExpectations = {},
): ProtectedResourceMetadata {
  const metadata = parseWithSchema(protectedResourceMetadataSchema, input, CODE);
  const { expectedResource } = expectations;
  if (expectedResource !== undefined && metadata.resource !== expectedResource) {
    throw new TokenTypeValidationError(
      CODE,
      'resource',
      'RFC 9728 §3.3: resource MUST be identical to the resource the metadata was requested for (exact string comparison)',
    );
  }
  return metadata;
}
