/**
 * `BearerAuthModule.forRoot(options)`: validates the options once, creates THE JWKS client of
 * the process, registers the passport-jwt strategy, the guard, the RFC 6750 exception filter and
 * the RFC 9728 metadata endpoint. Global, so `@RequireScopes` works in every module.
 */
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { BEARER_AUTH_OPTIONS } from './bearer-auth.constants.js';
import { BearerAuthExceptionFilter } from './bearer-auth-exception.filter.js';
import { BearerAuthGuard } from './bearer-auth.guard.js';
import {
  resolveBearerAuthOptions,
  type BearerAuthOptions,
  type ResolvedBearerAuthOptions,
} from './bearer-auth-options.js';
import { JwksClient } from './jwks-client.js';
import { JwtBearerStrategy } from './jwt-bearer.strategy.js';
import { protectedResourceMetadataController } from './protected-resource-metadata.controller.js';

/**
 * Creates the JWKS client for resolved options (the module calls it once).
 *
 * @example
 * const jwks = createJwksClient(resolveBearerAuthOptions({ issuer, audience }));
 */
export function createJwksClient(options: ResolvedBearerAuthOptions): JwksClient {
  return new JwksClient({
    issuer: options.issuer,
    ...(options.jwksUri !== undefined ? { jwksUri: options.jwksUri } : {}),
    cooldownMs: options.jwksCooldownMs,
    maxAgeMs: options.jwksMaxAgeMs,
    retryAfterFailureMs: options.jwksRetryAfterFailureMs,
    timeoutMs: options.jwksTimeoutMs,
    fetch: options.fetch,
  });
}

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
      exports: [BEARER_AUTH_OPTIONS, JwksClient, JwtBearerStrategy, BearerAuthGuard],
    };
  }
}
