/**
 * RFC 6750 §3: the `WWW-Authenticate` challenge a resource server sends. `error` is one of
 * `invalid_request`, `invalid_token`, `insufficient_scope` (§3.1); `error_description` may use only
 * %x20-21 / %x23-5B / %x5D-7E (no `"`, no `\`, no control or non-ASCII characters: they are refused,
 * not escaped); `error_uri` is an absolute URI in %x21 / %x23-5B / %x5D-7E; `scope` follows RFC
 * 6749 §3.3; `realm` is a quoted-string (RFC 9110 §5.6.4: `"` and `\` escaped, no control characters).
 * RFC 9728 §5.1 adds `resource_metadata`, an https (or loopback http) URL.
 */
import { formatScope } from '@oauth-ref/scopes';
import { z } from 'zod';
import type { BearerChallengeOptions } from './bearer-challenge.js';
import { errorDescription as describedError, errorUri as absoluteUri } from './claim-schemas.js';
import { parseWithSchema } from './parse-with-schema.js';
import { secureUrl } from './secure-url.js';
import { TOKEN_TYPE_ERROR_CODES } from './token-type-validation-error.js';

const SCOPE_RULE =
  'RFC 6750 §3: scope is space-delimited scope-tokens (RFC 6749 §3.3), at least one';

/**
 * The options of `buildBearerChallenge`, validated.
 *
 * @example
 * bearerChallengeOptionsSchema.safeParse({ error: 'invalid_grant' }).success; // false
 */
export const bearerChallengeOptionsSchema = z
  .object(
    {
      realm: z
        .string({ error: 'RFC 6750 §3: realm is a string' })
        .regex(/^[\t\x20-\x7e]*$/, {
          error: 'RFC 9110 §5.6.4: realm may hold only tab, space and visible ASCII characters',
        })
        .optional(),
      error: z
        .enum(['invalid_request', 'invalid_token', 'insufficient_scope'], {
          error: 'RFC 6750 §3.1: error is invalid_request, invalid_token or insufficient_scope',
        })
        .optional(),
      errorDescription: describedError(
        'RFC 6750 §3: error_description may use only %x20-21 / %x23-5B / %x5D-7E (no ", no \\, no control or non-ASCII characters)',
      ).optional(),
      errorUri: absoluteUri(
        'RFC 6750 §3: error_uri is an absolute URI using only %x21 / %x23-5B / %x5D-7E',
      ).optional(),
      scope: z
        .any()
        .transform((value: unknown, context) => {
          try {
            return formatScope(value as Iterable<string>);
          } catch {
            context.addIssue({ code: 'custom', message: SCOPE_RULE });
            return z.NEVER;
          }
        })
        .optional(),
      resourceMetadata: secureUrl(
        'RFC 9728 §5.1: resource_metadata is an https URL (http only for localhost) without a fragment',
      )
        .refine((value) => !/["\\]/.test(value), {
          error: 'RFC 9728 §5.1: resource_metadata must not contain " or \\',
        })
        .optional(),
    },
    { error: 'RFC 6750 §3: the challenge options are an object' },
  )
  .superRefine((options, context) => {
    for (const field of ['errorDescription', 'errorUri'] as const) {
      if (options[field] !== undefined && options.error === undefined) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `RFC 6750 §3: ${field === 'errorUri' ? 'error_uri' : 'error_description'} describes an error, so error is required with it`,
        });
      }
    }
  });

function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/**
 * Builds the value of a `WWW-Authenticate` header for a Bearer-protected resource. Throws
 * `TokenTypeValidationError` (`ERR_BEARER_CHALLENGE_INVALID`) naming the option and the rule.
 * Attributes come out in the order realm, error, error_description, error_uri, scope,
 * resource_metadata.
 *
 * @example
 * buildBearerChallenge({
 *   realm: 'notes',
 *   error: 'insufficient_scope',
 *   errorDescription: 'This request needs notes:write',
 *   scope: ['notes:write'],
 *   resourceMetadata: 'http://localhost:3333/.well-known/oauth-protected-resource',
 * });
 * // 'Bearer realm="notes", error="insufficient_scope", error_description="This request needs
 * //  notes:write", scope="notes:write", resource_metadata="http://localhost:3333/.well-known/oauth-protected-resource"'
 * buildBearerChallenge({}); // 'Bearer' (no credentials were sent: no error code)
 */
export function buildBearerChallenge(options: BearerChallengeOptions = {}): string {
  const valid = parseWithSchema(
    bearerChallengeOptionsSchema,
    options,
    TOKEN_TYPE_ERROR_CODES.bearerChallenge,
  );
  const params: [string, string | undefined][] = [
    ['realm', valid.realm],
    ['error', valid.error],
    ['error_description', valid.errorDescription],
    ['error_uri', valid.errorUri],
    ['scope', valid.scope],
    ['resource_metadata', valid.resourceMetadata],
  ];
  const attributes = params
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${quoted(value)}`);
  return attributes.length === 0 ? 'Bearer' : `Bearer ${attributes.join(', ')}`;
}
