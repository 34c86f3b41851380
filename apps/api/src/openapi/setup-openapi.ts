/**
 * The OpenAPI document (GET /docs-json) and UI (GET /docs). Security schemes: OAuth 2.0 with
 * the Authorization Code flow (PKCE) for users and Client Credentials for machines, OpenID
 * Connect discovery, and plain bearer JWT for pasting a token.
 */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ApiConfig } from '../config/api-config.js';
import { BEARER_SCHEME, OAUTH2_SCHEME } from './api-docs.decorators.js';

const USER_SCOPES = {
  'notes:read': 'Read your notes',
  'notes:write': 'Create, change and delete your notes',
};

/** Mounts the document and the UI on `app`. */
export function setupOpenApi(app: INestApplication, config: ApiConfig): void {
  const issuer = config.issuer.replace(/\/$/, '');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('oauth-reference notes API')
      .setDescription(
        'A resource server that accepts RFC 9068 JWT access tokens (typ at+jwt) from ' +
          `${config.issuer} for the audience ${config.audience}. Errors follow RFC 6750; ` +
          'protected resource metadata (RFC 9728) is at /.well-known/oauth-protected-resource.',
      )
      .setVersion('1.0')
      .addServer(config.publicUrl)
      .addOAuth2(
        {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: `${issuer}/auth`,
              tokenUrl: `${issuer}/token`,
              scopes: USER_SCOPES,
            },
            clientCredentials: {
              tokenUrl: `${issuer}/token`,
              scopes: { 'notes:stats': 'Aggregate figures (machines only)' },
            },
          },
        },
        OAUTH2_SCHEME,
      )
      .addSecurity('oidc', {
        type: 'openIdConnect',
        openIdConnectUrl: `${issuer}/.well-known/openid-configuration`,
      })
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (RFC 9068 at+jwt)' },
        BEARER_SCHEME,
      )
      .build(),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: {
      persistAuthorization: false,
      oauth2RedirectUrl: `${config.publicUrl}/docs/oauth2-redirect.html`,
    },
    customSiteTitle: 'oauth-reference notes API',
  });
}
