/**
 * RFC 8414 §2 authorization server metadata (and OpenID Connect Discovery 1.0 §3):
 * - `issuer` REQUIRED: an https URL with no query and no fragment, and (§3.3) IDENTICAL to the
 *   issuer the metadata was fetched for: no trailing-slash or case "fixes". Plain http is allowed
 *   for loopback hosts only (local development).
 * - `authorization_endpoint` REQUIRED unless no supported grant type uses it (§2: only when
 *   `grant_types_supported` lists neither `authorization_code` nor `implicit`); `token_endpoint`,
 *   `jwks_uri` and a non-empty `response_types_supported` REQUIRED here (OIDC Discovery §3).
 * - Every endpoint is an https (or loopback http) URL without a fragment (RFC 6749 §3.1 / §3.2).
 * - `token_endpoint_auth_signing_alg_values_supported` MUST NOT contain `none` (§2).
 * Unknown members are kept, typed as JSON values.
 */
import { z } from 'zod';
import { nonEmptyString, scopeToken } from './claim-schemas.js';
import { parseWithSchema } from './parse-with-schema.js';
import { secureUrl, type SecureUrlOptions } from './secure-url.js';
import { TOKEN_TYPE_ERROR_CODES, TokenTypeValidationError } from './token-type-validation-error.js';

const CODE = TOKEN_TYPE_ERROR_CODES.authorizationServerMetadata;

/**
 * Which plain-http hosts the endpoints may name: loopback only (the default), any (a LAN demo
 * provider), or none (https only).
 *
 * @example
 * const policy: HttpPolicy = 'loopback';
 */
export type HttpPolicy = 'none' | 'loopback' | 'any';

function stringList(name: string, section = 'RFC 8414 §2') {
  const rule = `${section}: ${name}, when present, is a JSON array of non-empty strings`;
  return z.array(nonEmptyString(rule), { error: rule }).optional();
}

const AUTHORIZATION_ENDPOINT_RULE =
  'RFC 8414 §2: authorization_endpoint is REQUIRED (unless no supported grant type uses it), an https URL (http only for localhost) without a fragment';

/**
 * RFC 8414 §2 / OIDC Discovery §3 metadata, with the members this stack relies on checked.
 *
 * @example
 * authorizationServerMetadataSchema.safeParse(document).success;
 */
export const authorizationServerMetadataSchema =
  createAuthorizationServerMetadataSchema('loopback');

/**
 * The same schema with plain http allowed to any host (for a demo provider on a LAN address only).
 *
 * @example
 * createAuthorizationServerMetadataSchema('any').safeParse({ ...document, issuer: 'http://192.168.1.20:4000' }).success;
 */
export function createAuthorizationServerMetadataSchema(http: HttpPolicy) {
  const url = (rule: string, options: SecureUrlOptions = { fragment: 'forbidden' }) =>
    secureUrl(rule, { ...options, http });
  const endpoint = (name: string, section = 'RFC 8414 §2') =>
    url(
      `${section}: ${name}, when present, is an https URL (http only for localhost) without a fragment`,
    ).optional();
  return (
    z
      .object(
        {
          issuer: url(
            'RFC 8414 §2: issuer is REQUIRED, an https URL (http only for localhost) with no query and no fragment',
            { fragment: 'forbidden', query: 'forbidden' },
          ),
          authorization_endpoint: url(AUTHORIZATION_ENDPOINT_RULE).optional(),
          token_endpoint: url(
            'RFC 8414 §2: token_endpoint is REQUIRED here, an https URL (http only for localhost) without a fragment',
          ),
          jwks_uri: url(
            'RFC 8414 §2 / OIDC Discovery §3: jwks_uri is REQUIRED here, an https URL (http only for localhost)',
          ),
          response_types_supported: z
            .array(
              nonEmptyString('RFC 8414 §2: response_types_supported holds non-empty strings'),
              {
                error: 'RFC 8414 §2: response_types_supported is REQUIRED, a JSON array of strings',
              },
            )
            .min(1, { error: 'RFC 8414 §2: response_types_supported must not be empty' }),
          registration_endpoint: endpoint('registration_endpoint'),
          userinfo_endpoint: endpoint('userinfo_endpoint', 'OIDC Discovery §3'),
          end_session_endpoint: endpoint('end_session_endpoint', 'OIDC RP-Initiated Logout §2.1'),
          revocation_endpoint: endpoint('revocation_endpoint', 'RFC 8414 §2 / RFC 7009'),
          introspection_endpoint: endpoint('introspection_endpoint', 'RFC 8414 §2 / RFC 7662'),
          pushed_authorization_request_endpoint: endpoint(
            'pushed_authorization_request_endpoint',
            'RFC 9126 §5',
          ),
          scopes_supported: z
            .array(
              scopeToken('RFC 8414 §2: scopes_supported holds single scope-tokens (RFC 6749 §3.3)'),
              { error: 'RFC 8414 §2: scopes_supported, when present, is a JSON array' },
            )
            .optional(),
          response_modes_supported: stringList('response_modes_supported'),
          grant_types_supported: stringList('grant_types_supported'),
          token_endpoint_auth_methods_supported: stringList(
            'token_endpoint_auth_methods_supported',
          ),
          token_endpoint_auth_signing_alg_values_supported: z
            .array(
              nonEmptyString('RFC 8414 §2: signing algorithm names are non-empty strings').refine(
                (value) => value.toLowerCase() !== 'none',
                {
                  error:
                    'RFC 8414 §2: "none" MUST NOT be used as a token endpoint signing algorithm',
                },
              ),
              {
                error:
                  'RFC 8414 §2: token_endpoint_auth_signing_alg_values_supported is a JSON array',
              },
            )
            .optional(),
          code_challenge_methods_supported: stringList('code_challenge_methods_supported'),
          id_token_signing_alg_values_supported: stringList(
            'id_token_signing_alg_values_supported',
            'OIDC Discovery §3',
          ),
          subject_types_supported: stringList('subject_types_supported', 'OIDC Discovery §3'),
          authorization_response_iss_parameter_supported: z
            .boolean({
              error:
                'RFC 9207 §3: authorization_response_iss_parameter_supported is a JSON boolean',
            })
            .optional(),
        },
        { error: 'RFC 8414 §3.2: the metadata is a JSON object' },
      )
      // Unknown members are kept (typed as JSON), so vendor extensions reach the caller.
      .catchall(z.json())
      .superRefine((metadata, context) => {
        const grants = metadata.grant_types_supported ?? ['authorization_code', 'implicit'];
        const usesAuthorizationEndpoint =
          grants.includes('authorization_code') || grants.includes('implicit');
        if (usesAuthorizationEndpoint && metadata.authorization_endpoint === undefined) {
          context.addIssue({
            code: 'custom',
            path: ['authorization_endpoint'],
            message: AUTHORIZATION_ENDPOINT_RULE,
          });
        }
      })
  );
}

/**
 * A validated discovery document.
 *
 * @example
 * const metadata: AuthorizationServerMetadata = parseAuthorizationServerMetadata(document);
 * metadata.jwks_uri; // where the signing keys are
 */
export type AuthorizationServerMetadata = z.output<typeof authorizationServerMetadataSchema>;

/**
 * What the client asked for.
 *
 * @example
 * const expectations: AuthorizationServerMetadataExpectations = { expectedIssuer: 'http://localhost:4000' };
 */
export interface AuthorizationServerMetadataExpectations {
  /** The issuer whose well-known URL was fetched. `issuer` must be identical (RFC 8414 §3.3). */
  readonly expectedIssuer?: string;
  /** Plain http to loopback hosts only (default) or to any host (a LAN demo provider). */
  readonly http?: HttpPolicy;
}

/**
 * Validates an RFC 8414 / OIDC Discovery document and, when given, that `issuer` is identical to the
 * issuer it was fetched for. Throws `TokenTypeValidationError`
 * (`ERR_AUTHORIZATION_SERVER_METADATA_INVALID`).
 *
 * @example
 * const issuer = 'http://localhost:4000';
 * const response = await fetch(`${issuer}/.well-known/openid-configuration`);
 * const metadata = parseAuthorizationServerMetadata(await response.json(), { expectedIssuer: issuer });
 * metadata.token_endpoint; // 'http://localhost:4000/token'
 */
export function parseAuthorizationServerMetadata(
  input: unknown,
  expectations: AuthorizationServerMetadataExpectations = {},
): AuthorizationServerMetadata {
  const { http = 'loopback' } = expectations;
  const schema =
    http === 'loopback'
      ? authorizationServerMetadataSchema
      : createAuthorizationServerMetadataSchema(http);
  const metadata = parseWithSchema(schema, input, CODE);
  const { expectedIssuer } = expectations;
  if (expectedIssuer !== undefined && metadata.issuer !== expectedIssuer) {
    throw new TokenTypeValidationError(
      CODE,
      'issuer',
      'RFC 8414 §3.3: issuer MUST be identical to the issuer the metadata was requested for (exact string comparison)',
    );
  }
  return metadata;
}
