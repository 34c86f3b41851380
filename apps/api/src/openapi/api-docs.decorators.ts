/** Shared OpenAPI decorators: the security requirement and the RFC 6750 error responses. */
import { applyDecorators } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiSecurity,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ERROR_SCHEMA } from './schemas.js';

export const OAUTH2_SCHEME = 'oauth2';
export const BEARER_SCHEME = 'bearer';

/**
 * Documents that an operation needs a bearer token with `scopes`. Not used on handlers directly:
 * `@RequireScopes` (`require-scopes.ts`) applies it with the scopes it enforces.
 */
export function documentBearerScopes(scopes: readonly string[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiSecurity(OAUTH2_SCHEME, [...scopes]),
    ApiSecurity(BEARER_SCHEME, [...scopes]),
    ApiUnauthorizedResponse({
      description:
        'No token (challenge without error) or invalid token (error="invalid_token"); WWW-Authenticate names resource_metadata',
      schema: ERROR_SCHEMA,
    }),
    ApiForbiddenResponse({
      description: 'insufficient_scope, or a token of the wrong kind (user vs machine)',
      schema: ERROR_SCHEMA,
    }),
    ApiTooManyRequestsResponse({ description: 'Rate limited', schema: ERROR_SCHEMA }),
  );
}
