/**
 * `BearerAuthModule.forRoot(options)`: validates the options once, creates THE JWKS client of
 * the process and the verification pipeline on it, registers the passport strategy (the thin
 * adapter that runs the pipeline), the guard, the RFC 6750 exception filter and
 * the RFC 9728 metadata endpoint. Global, so `@RequireScopes` works in every module.
 */
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ACCESS_TOKEN_VERIFIER, BEARER_AUTH_OPTIONS } from './bearer-auth.constants.js';
import { BearerAuthExceptionFilter } from './bearer-auth-exception.filter.js';
import { BearerAuthGuard } from './bearer-auth.guard.js';
import {
  resolveBearerAuthOptions,
  type BearerAuthOptions,
} from './bearer-auth-options.js';
import { JwksClient } from './jwks-client.js';
import { JwtBearerStrategy } from './jwt-bearer.strategy.js';
import { protectedResourceMetadataController } from './protected-resource-metadata.controller.js';
import {
  createJwksClient,
  verifyAccessToken,
  type AccessTokenVerifier,
  type VerifiableRequest,
} from './verify-access-token.js';

export { createJwksClient } from './verify-access-token.js';

@Module({})
export class BearerAuthModule {
  /**
   * Configures bearer authentication for the whole app.
   *
   * @example
   * \@Module({ imports: [BearerAuthModule.forRoot({ issuer: 'http://localhost:4000', audience: 'http://localhost:3333' })] })
   * export class AppModule {}
   */
  static forRoot(options: BearerAuthOptions): DynamicModule {
    const resolved = resolveBearerAuthOptions(options);
    const providers: Provider[] = [
      { provide: BEARER_AUTH_OPTIONS, useValue: resolved },
      { provide: JwksClient, useValue: createJwksClient(resolved) },
      {
        provide: ACCESS_TOKEN_VERIFIER,
        inject: [JwksClient],
        useFactory: (jwks: JwksClient): AccessTokenVerifier =>
          Object.freeze({
            options: resolved,
            verify: (request: VerifiableRequest) => verifyAccessToken(request, resolved, jwks),
          }),
      },
      JwtBearerStrategy,
      BearerAuthGuard,
    ];
    if (resolved.registerExceptionFilter)
      providers.push({ provide: APP_FILTER, useClass: BearerAuthExceptionFilter });
    const metadataPath = new URL(resolved.resourceMetadataUrl).pathname;
    return {
      module: BearerAuthModule,
      global: true,
      providers,
      controllers: resolved.serveMetadata
        ? [protectedResourceMetadataController(metadataPath)]
        : [],
      exports: [
        BEARER_AUTH_OPTIONS,
        ACCESS_TOKEN_VERIFIER,
        JwksClient,
        JwtBearerStrategy,
        BearerAuthGuard,
      ],
    };
  }
}
