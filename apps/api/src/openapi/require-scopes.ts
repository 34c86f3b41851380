/**
 * The API's `@RequireScopes`: a handler names its scopes ONCE, and that one declaration both
 * enforces them (the bearer lib's guard and scope check) and documents them in the OpenAPI
 * document (security requirement and the RFC 6750 error responses). `scope-documentation.test.ts`
 * checks every operation of the document against what its handler enforces.
 */
import { requireScopesDocumentedBy } from '@oauth-ref/nest-bearer-auth';
import { documentBearerScopes } from './api-docs.decorators.js';

/**
 * Requires (and documents) a valid access token carrying every listed scope.
 *
 * @example
 * \@Get() \@RequireScopes('notes:read')
 * list(\@CurrentPrincipal() principal: AccessTokenPrincipal) { ... }
 */
export const RequireScopes = requireScopesDocumentedBy(documentBearerScopes);
